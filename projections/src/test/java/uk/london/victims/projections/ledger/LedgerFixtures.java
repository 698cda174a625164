package uk.london.victims.projections.ledger;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.london.victims.domain.code.CodeEdition;
import uk.london.victims.domain.code.CodeRule;
import uk.london.victims.domain.code.ObligationEvaluator;
import uk.london.victims.domain.code.VictimsCode;
import uk.london.victims.domain.code.WorkingDayCalendar;

/** The service's own rule data and bank holidays (from the application module's resources), for the ledger's tests. */
final class LedgerFixtures {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final File RESOURCES = new File("../application/src/main/resources");

    static final VictimsCode CODE = code();
    static final WorkingDayCalendar CALENDAR = calendar();
    static final ObligationEvaluator EVALUATOR = new ObligationEvaluator(CODE, CALENDAR);

    private LedgerFixtures() {
    }

    private static VictimsCode code() {
        List<CodeEdition> editions = new ArrayList<>();
        for (String edition : List.of("2015", "2020")) {
            try {
                JsonNode node = JSON.readTree(new File(RESOURCES, "victims-code/" + edition + ".json"));
                List<CodeRule> rules = new ArrayList<>();
                for (JsonNode rule : node.get("rules")) {
                    rules.add(JSON.treeToValue(rule, CodeRule.class));
                }
                editions.add(new CodeEdition(node.get("id").asText(), node.get("title").asText(),
                        LocalDate.parse(node.get("inForceFrom").asText()),
                        node.get("inForceUntil").isNull() ? null : LocalDate.parse(node.get("inForceUntil").asText()), rules));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new VictimsCode(editions);
    }

    private static WorkingDayCalendar calendar() {
        try {
            JsonNode node = JSON.readTree(new File(RESOURCES, "reference/bank-holidays-england-and-wales.json"));
            List<LocalDate> holidays = new ArrayList<>();
            node.get("events").forEach(e -> holidays.add(LocalDate.parse(e.get("date").asText())));
            return new WorkingDayCalendar(holidays, LocalDate.of(2015, 1, 1), LocalDate.of(2028, 12, 31));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
