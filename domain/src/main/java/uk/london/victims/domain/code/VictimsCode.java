package uk.london.victims.domain.code;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    public VictimsCode(List<CodeEdition> editions) {
        this.editions = editions.stream().sorted(Comparator.comparing(CodeEdition::inForceFrom)).toList();
        for (int i = 1; i < this.editions.size(); i++) {
            CodeEdition before = this.editions.get(i - 1);
            CodeEdition after = this.editions.get(i);
            if (before.inForceUntil() == null || !before.inForceUntil().isBefore(after.inForceFrom())) {
                throw new IllegalArgumentException("Editions " + before.id() + " and " + after.id() + " overlap");
            }
        }
    }

    public List<CodeEdition> editions() {
        return editions;
    }

    public Optional<CodeEdition> editionInForce(Instant clockStart) {
        LocalDate date = clockStart.atZone(LONDON).toLocalDate();
        return editions.stream().filter(edition -> edition.inForceOn(date)).findFirst();
    }
}
