package uk.london.victims.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import uk.london.victims.application.store.StoreOnly;
import uk.london.victims.web.history.ImportCli;

@SpringBootApplication(scanBasePackages = "uk.london.victims")
public class VictimJourneyTrackerApplication {

    public static void main(String[] args) throws InterruptedException {
        if (StoreOnly.requested(args, System.getenv())) {
            // No Spring context at all: the store-only process must hold no keys and serve no API.
            StoreOnly.run(args, System.getenv());
            return;
        }
        AxonDefaults.apply();
        if (ImportCli.requested(args)) {
            // A command, not the service: loads a file of historical journeys and ends (ADR 0023).
            System.exit(ImportCli.run(args, VictimJourneyTrackerApplication.class));
        }
        SpringApplication.run(VictimJourneyTrackerApplication.class, args);
    }
}
