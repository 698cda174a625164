package uk.london.victims.domain.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who in agency staff sends a command, as far as a case needs to know to decide whether they may act on
 * it. It travels as command metadata (never stored with the events), so the case can decide from its own
 * state rather than from a read model that may lag (ADR 0018). A command without it comes from inside the
 * service (the portal, demo data, the benchmark) and is not checked here.
 *
 * @param staffId      the staff id from the bearer token
 * @param unit         the sender's unit; may be null
 * @param bcu          the sender's Basic Command Unit code; may be null
 * @param seesAllCases the Commissioner and administrators see every case
 * @param supervises   may assign or share any case, as the owning BCU may its own
 */
public record StaffScope(String staffId, String unit, String bcu, boolean seesAllCases, boolean supervises) {

    static final String STAFF_ID = "staffScope.staffId";
    static final String UNIT = "staffScope.unit";
    static final String BCU = "staffScope.bcu";
    static final String SEES_ALL = "staffScope.seesAllCases";
    static final String SUPERVISES = "staffScope.supervises";
    /** The unit that recorded an event, carried from the command to the event's metadata. */
    public static final String RECORDED_BY_UNIT = "recordedByUnit";
    /** An HTTP If-Match: checked by the case after visibility, so a version conflict never reveals a case. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    public Map<String, Object> toMetaData() {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(STAFF_ID, staffId);
        metaData.put(SEES_ALL, seesAllCases);
        metaData.put(SUPERVISES, supervises);
        if (unit != null) {
            metaData.put(UNIT, unit);
        }
        if (bcu != null) {
            metaData.put(BCU, bcu);
        }
        return metaData;
    }

    static Optional<StaffScope> of(Map<String, ?> metaData) {
        Object staffId = metaData.get(STAFF_ID);
        if (staffId == null) {
            return Optional.empty();
        }
        return Optional.of(new StaffScope(staffId.toString(), text(metaData.get(UNIT)), text(metaData.get(BCU)),
                Boolean.TRUE.equals(metaData.get(SEES_ALL)), Boolean.TRUE.equals(metaData.get(SUPERVISES))));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
