package uk.london.victims.application.code;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import uk.london.victims.domain.code.CaseFact;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationEvaluator;

/** A case's facts built in order for the rule tests; each is recorded when it happened. */
final class CaseHistory {

    final List<CaseFact> facts = new ArrayList<>();

    CaseHistory add(String type, String at, Object... fields) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
        }
        facts.add(new CaseFact(facts.size(), type, Instant.parse(at), Instant.parse(at), map));
        return this;
    }

    long last() {
        return facts.size() - 1;
    }

    /** A report and a direct adult victim V1, then the crime recorded as {@code offence} with {@code flags}. */
    static CaseHistory recorded(String at, String offence, String... flags) {
        return new CaseHistory().add("CrimeReported", at, "channel", "ONLINE")
                                .add("VictimAdded", at, "victimId", "V1", "kind", "DIRECT_VICTIM", "under18AtOffence", false)
                                .add("CrimeRecorded", at, "crimeReference", "CRIS-1", "offence", offence,
                                        "priorityFlags", List.of(flags));
    }

    /** Witness Care's receipt of the last event, then returns this. */
    CaseHistory received(String at) {
        return add("CourtInformationReceivedByWitnessCare", at, "aboutSequence", last());
    }

    CaseHistory told(String victim, long about, String at) {
        return add("VictimInformed", at, "victimId", victim, "aboutSequence", about, "channel", "PHONE", "informedBy", "WCO 1");
    }

    List<Obligation> evaluate(ObligationEvaluator engine, String asOf) {
        return engine.evaluate(facts, Instant.parse(asOf));
    }

    static Obligation only(List<Obligation> obligations, String ruleId) {
        List<Obligation> found = obligations.stream().filter(o -> o.ruleId().equals(ruleId)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + ruleId + " but found " + found.size() + " in " + obligations);
        }
        return found.get(0);
    }

    static List<Obligation> all(List<Obligation> obligations, String ruleId) {
        return obligations.stream().filter(o -> o.ruleId().equals(ruleId)).toList();
    }
}
