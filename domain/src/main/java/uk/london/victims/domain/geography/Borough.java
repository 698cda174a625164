package uk.london.victims.domain.geography;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 32 London boroughs policed by the MPS and the Basic Command Unit each belongs to. The City of
 * London has its own police force and is not here.
 */
public enum Borough {
    BARKING_AND_DAGENHAM("Barking and Dagenham", BasicCommandUnit.EAST_AREA),
    BARNET("Barnet", BasicCommandUnit.NORTH_WEST),
    BEXLEY("Bexley", BasicCommandUnit.SOUTH_EAST),
    BRENT("Brent", BasicCommandUnit.NORTH_WEST),
    BROMLEY("Bromley", BasicCommandUnit.SOUTH_AREA),
    CAMDEN("Camden", BasicCommandUnit.CENTRAL_NORTH),
    CROYDON("Croydon", BasicCommandUnit.SOUTH_AREA),
    EALING("Ealing", BasicCommandUnit.WEST_AREA),
    ENFIELD("Enfield", BasicCommandUnit.NORTH_AREA),
    GREENWICH("Greenwich", BasicCommandUnit.SOUTH_EAST),
    HACKNEY("Hackney", BasicCommandUnit.CENTRAL_EAST),
    HAMMERSMITH_AND_FULHAM("Hammersmith and Fulham", BasicCommandUnit.CENTRAL_WEST),
    HARINGEY("Haringey", BasicCommandUnit.NORTH_AREA),
    HARROW("Harrow", BasicCommandUnit.NORTH_WEST),
    HAVERING("Havering", BasicCommandUnit.EAST_AREA),
    HILLINGDON("Hillingdon", BasicCommandUnit.WEST_AREA),
    HOUNSLOW("Hounslow", BasicCommandUnit.WEST_AREA),
    ISLINGTON("Islington", BasicCommandUnit.CENTRAL_NORTH),
    KENSINGTON_AND_CHELSEA("Kensington and Chelsea", BasicCommandUnit.CENTRAL_WEST),
    KINGSTON_UPON_THAMES("Kingston upon Thames", BasicCommandUnit.SOUTH_WEST),
    LAMBETH("Lambeth", BasicCommandUnit.CENTRAL_SOUTH),
    LEWISHAM("Lewisham", BasicCommandUnit.SOUTH_EAST),
    MERTON("Merton", BasicCommandUnit.SOUTH_WEST),
    NEWHAM("Newham", BasicCommandUnit.NORTH_EAST),
    REDBRIDGE("Redbridge", BasicCommandUnit.EAST_AREA),
    RICHMOND_UPON_THAMES("Richmond upon Thames", BasicCommandUnit.SOUTH_WEST),
    SOUTHWARK("Southwark", BasicCommandUnit.CENTRAL_SOUTH),
    SUTTON("Sutton", BasicCommandUnit.SOUTH_AREA),
    TOWER_HAMLETS("Tower Hamlets", BasicCommandUnit.CENTRAL_EAST),
    WALTHAM_FOREST("Waltham Forest", BasicCommandUnit.NORTH_EAST),
    WANDSWORTH("Wandsworth", BasicCommandUnit.SOUTH_WEST),
    WESTMINSTER("Westminster", BasicCommandUnit.CENTRAL_WEST);

    private final String displayName;
    private final BasicCommandUnit bcu;

    Borough(String displayName, BasicCommandUnit bcu) {
        this.displayName = displayName;
        this.bcu = bcu;
    }

    public String displayName() {
        return displayName;
    }

    public BasicCommandUnit bcu() {
        return bcu;
    }

    public static Optional<Borough> fromDisplayName(String name) {
        return Arrays.stream(values()).filter(b -> b.displayName.equalsIgnoreCase(name)).findFirst();
    }
}
