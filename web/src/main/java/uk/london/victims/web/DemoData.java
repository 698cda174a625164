package uk.london.victims.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.london.victims.application.store.MongoEventStorageEngine;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.RecordVictimInformedCommand;
import uk.london.victims.domain.cases.ReportChannel;
import uk.london.victims.domain.cases.ReportCrimeCommand;

/**
 * A few synthetic cases so that someone trying the service has something to look at. Only on the
 * embedded store, only into an empty one, and every id starts with DEMO so nobody mistakes them for
 * real cases. Off with {@code VJT_DEMO_DATA=false}.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final CommandGateway commands;
    private final MongoEventStorageEngine events;
    private final StoreProperties store;
    private final boolean enabled;

    DemoData(CommandGateway commands, MongoEventStorageEngine events, StoreProperties store,
             @Value("${vjt.demo-data:true}") boolean enabled) {
        this.commands = commands;
        this.events = events;
        this.store = store;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (!enabled || !store.embedded() || events.lastReservedPosition() > 0) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        report("DEMO-0001-burglary", ReportChannel.PHONE_101, now.minus(Duration.ofDays(12)), 2);
        report("DEMO-0002-assault", ReportChannel.PHONE_999, now.minus(Duration.ofDays(5)), 1);
        report("DEMO-0003-online-fraud", ReportChannel.ONLINE, now.minus(Duration.ofDays(1)), 0);
        log.info("Demo data: 3 synthetic cases, ids DEMO-0001-burglary, DEMO-0002-assault, DEMO-0003-online-fraud "
                 + "(try GET /api/cases/DEMO-0001-burglary)");
    }

    private void report(String id, ReportChannel channel, Instant reportedAt, int updates) {
        CaseId caseId = new CaseId(id);
        commands.sendAndWait(new ReportCrimeCommand(caseId, channel, reportedAt));
        for (int i = 1; i <= updates; i++) {
            commands.sendAndWait(new RecordVictimInformedCommand(caseId, null, "demo update " + i, ContactChannel.PHONE,
                    "DEMO officer", reportedAt.plus(Duration.ofDays(i))));
        }
    }
}
