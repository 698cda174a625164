package uk.london.victims.domain.geography;

/**
 * The Metropolitan Police Service's 12 Basic Command Units (2018-19 organisation), from the project's
 * copy of the reference list in {@code shared/reference/london-boroughs-bcus.json}.
 */
public enum BasicCommandUnit {
    CENTRAL_EAST("Central East"),
    CENTRAL_NORTH("Central North"),
    CENTRAL_SOUTH("Central South"),
    CENTRAL_WEST("Central West"),
    EAST_AREA("East Area"),
    NORTH_AREA("North Area"),
    NORTH_EAST("North East"),
    NORTH_WEST("North West"),
    SOUTH_AREA("South Area"),
    SOUTH_EAST("South East"),
    SOUTH_WEST("South West"),
    WEST_AREA("West Area");

    private final String displayName;

    BasicCommandUnit(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
