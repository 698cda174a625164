package uk.london.victims.web.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import uk.london.victims.domain.geography.BasicCommandUnit;
import uk.london.victims.domain.geography.Borough;

/** The {@code bcu} and {@code borough} query parameters: what they accept, and an error that lists it. */
final class AreaParameters {

    private AreaParameters() {
    }

    /** A BCU by its code (CE), its constant (CENTRAL_EAST) or its name (Central East); the name is what the ledger records. */
    static String bcuName(String bcu) {
        for (BasicCommandUnit unit : BasicCommandUnit.values()) {
            if (unit.name().equalsIgnoreCase(bcu) || unit.code().equalsIgnoreCase(bcu) || unit.displayName().equalsIgnoreCase(bcu)) {
                return unit.displayName();
            }
        }
        throw new IllegalArgumentException("bcu must be a Basic Command Unit's code or name, one of "
                + Arrays.stream(BasicCommandUnit.values()).map(u -> u.code() + " (" + u.displayName() + ")")
                        .collect(Collectors.joining(", ", "[", "]")));
    }

    static String boroughCode(String borough) {
        for (Borough b : Borough.values()) {
            if (b.name().equalsIgnoreCase(borough) || b.displayName().equalsIgnoreCase(borough)) {
                return b.name();
            }
        }
        throw new IllegalArgumentException("borough must be a London borough, one of " + Arrays.toString(Borough.values()));
    }
}
