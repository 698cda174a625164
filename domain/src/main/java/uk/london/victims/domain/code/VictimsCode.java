package uk.london.victims.domain.code;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * All editions of the Code the service knows. A clock is judged by the edition in force on the London
 * date it started, so a case that runs across a new edition is judged by both, clock by clock.
 */
public final class VictimsCode {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final List<CodeEdition> editions;

    /**
     * An edition with no end date ends the day before the next one starts, so adding an edition is one
     * new rule set file; explicit dates that overlap are refused.
     */
    public VictimsCode(List<CodeEdition> editions) {
        List<CodeEdition> sorted = editions.stream().sorted(Comparator.comparing(CodeEdition::inForceFrom)).toList();
        List<CodeEdition> closed = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            CodeEdition edition = sorted.get(i);
            if (i + 1 < sorted.size()) {
                CodeEdition next = sorted.get(i + 1);
                if (edition.inForceUntil() == null) {
                    edition = new CodeEdition(edition.id(), edition.title(), edition.inForceFrom(),
                            next.inForceFrom().minusDays(1), edition.rules(), edition.enhancedRights());
                }
                if (!edition.inForceUntil().isBefore(next.inForceFrom())) {
                    throw new IllegalArgumentException("Editions " + edition.id() + " and " + next.id() + " overlap");
                }
            }
            closed.add(edition);
        }
        this.editions = List.copyOf(closed);
    }

    public List<CodeEdition> editions() {
        return editions;
    }

    public Optional<CodeEdition> editionInForce(Instant clockStart) {
        LocalDate date = clockStart.atZone(LONDON).toLocalDate();
        return editions.stream().filter(edition -> edition.inForceOn(date)).findFirst();
    }
}
