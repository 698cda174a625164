package uk.london.victims.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = "uk.london.victims")
public class VictimJourneyTrackerApplication {

    public static void main(String[] args) {
        AxonDefaults.apply();
        SpringApplication.run(VictimJourneyTrackerApplication.class, args);
    }
}
