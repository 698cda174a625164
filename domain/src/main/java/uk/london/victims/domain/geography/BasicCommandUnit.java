package uk.london.victims.domain.geography;

/**
 * The Metropolitan Police Service's 12 Basic Command Units (2018-19 organisation), from the project's
 * copy of the reference list in {@code shared/reference/london-boroughs-bcus.json}.
 */
public enum BasicCommandUnit {
    CENTRAL_EAST("Central East", "CE"),
    CENTRAL_NORTH("Central North", "CN"),
    CENTRAL_SOUTH("Central South", "AS"),
    CENTRAL_WEST("Central West", "AW"),
    EAST_AREA("East Area", "EA"),
    NORTH_AREA("North Area", "NA"),
    NORTH_EAST("North East", "NE"),
    NORTH_WEST("North West", "NW"),
    SOUTH_AREA("South Area", "SN"),
    SOUTH_EAST("South East", "SE"),
    SOUTH_WEST("South West", "SW"),
    WEST_AREA("West Area", "WA");

    private final String displayName;
    private final String code;

    BasicCommandUnit(String displayName, String code) {
        this.displayName = displayName;
        this.code = code;
    }

    /**
     * The two-letter code the MPS uses for the BCU (as remembered, confidence L: check against the
     * force's list before relying on it); agency tokens carry it in their {@code bcu} claim.
     */
    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }
}
