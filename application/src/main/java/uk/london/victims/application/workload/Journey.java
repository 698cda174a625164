package uk.london.victims.application.workload;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.OffenceCategory;
import uk.london.victims.domain.geography.Borough;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.Sealed;

/**
 * One synthetic case's life as the agencies would record it: commands in the order they happen, each
 * stamped with its real-world time. Steps after the generator's "as of" instant are not in the list
 * (the case is still open then), so every step can be sent now without being in the future.
 *
 * @param courtDays report to the end of the court stage as planned for a charged case (its later steps may fall
 *                  after "as of" and be left out); 0 for other cases
 */
public record Journey(CaseId caseId, Borough borough, OffenceCategory offence, Outcome outcome, PersonId victim,
                      boolean repeatVictim, boolean enhanced, Instant reportedAt, int courtDays, List<Step> steps) {

    public enum Outcome {
        NOT_INVESTIGATED,
        FILED_NO_SUSPECT,
        NO_FURTHER_ACTION,
        OUT_OF_COURT_DISPOSAL,
        CHARGED_MAGISTRATES,
        CHARGED_CROWN;

        public boolean charged() {
            return this == CHARGED_MAGISTRATES || this == CHARGED_CROWN;
        }
    }

    /**
     * A command waiting to be made. It is a function because some commands name an earlier step's
     * resulting case version (what the victim was told about), or carry details sealed by the vault,
     * neither of which exists until the journey is sent.
     */
    public record Step(Instant at, Function<Context, CaseCommand> command) {
    }

    /** What a step may need from the journey being sent. */
    public interface Context {

        /** The case version that step {@code index} of this journey produced. */
        long versionAfter(int index);

        Sealed seal(PersonId person, String plaintext);
    }
}
