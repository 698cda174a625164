package uk.london.victims.application.victims;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

import uk.london.victims.domain.cases.CaseRuleViolationException;
import uk.london.victims.domain.cases.PersistentTargetingSource;
import uk.london.victims.domain.cases.VictimAddedEvent;
import uk.london.victims.domain.cases.victims.RecordPersistentTargetingCommand;

/**
 * Finds persistently targeted victims across cases, which the pure rule engine must not do: when a person is
 * added as a victim, their other cases come from one document keyed by their person id (never from names,
 * and never by a scan: the embedded store serves only {@code _id} lookups from an index). With enough other
 * cases close enough in time, the finding is recorded on the case as an event that names those cases, and
 * the rule engine reads it like an officer's assessment.
 *
 * <p>Never replayed: a replay would re-record findings the cases already hold.
 */
@Component
@ProcessingGroup(RepeatVictimisation.PROCESSING_GROUP)
@DisallowReplay
@EnableConfigurationProperties(PersistentTargetingProperties.class)
public class RepeatVictimisation {

    public static final String PROCESSING_GROUP = "repeat-victimisation";
    static final String COLLECTION = "victim_cases";
    static final String RECORDED_BY = "service:repeat-victimisation";
    private static final Logger LOG = LoggerFactory.getLogger(RepeatVictimisation.class);

    private final MongoCollection<Document> victimCases;
    private final CommandGateway commands;
    private final PersistentTargetingProperties properties;

    public RepeatVictimisation(MongoDatabase database, CommandGateway commands, PersistentTargetingProperties properties) {
        this.victimCases = database.getCollection(COLLECTION);
        this.commands = commands;
        this.properties = properties;
    }

    @EventHandler
    void on(VictimAddedEvent added) {
        String person = added.victimId().value();
        String caseId = added.caseId().value();
        Document known = victimCases.find(eq("_id", person)).first();
        List<Document> cases = known == null ? new ArrayList<>() : new ArrayList<>(known.getList("cases", Document.class));
        if (cases.stream().anyMatch(c -> caseId.equals(c.getString("caseId")))) {
            return; // delivered again after a retry: already counted
        }
        List<String> others = cases.stream().filter(c -> closeEnough(Instant.parse(c.getString("addedAt")), added.occurredAt()))
                                   .map(c -> c.getString("caseId")).toList();
        if (others.size() >= properties.otherCases()) {
            record(added, others);
        }
        // Saved after the command: a failure in between retries both, and the case refuses a second finding.
        cases.add(new Document("caseId", caseId).append("addedAt", added.occurredAt().toString()));
        victimCases.replaceOne(eq("_id", person), new Document("_id", person).append("cases", cases),
                new ReplaceOptions().upsert(true));
    }

    private boolean closeEnough(Instant other, Instant now) {
        return Duration.between(other, now).abs().compareTo(properties.within()) <= 0;
    }

    private void record(VictimAddedEvent added, List<String> others) {
        RecordPersistentTargetingCommand command = new RecordPersistentTargetingCommand(added.caseId(), added.victimId(),
                PersistentTargetingSource.REPEAT_VICTIMISATION, others, null, added.occurredAt());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                      .andMetaData(MetaData.with("recordedBy", RECORDED_BY)));
        } catch (CaseRuleViolationException e) {
            // Already recorded (an officer got there first, or a retried batch): the case keeps one finding. A
            // rejection is final, so retrying would not help; any other failure propagates and the batch is retried.
            LOG.info("Persistent targeting not recorded on case {}: {}", added.caseId().value(), e.code());
        }
    }
}
