package uk.london.victims.domain.code;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event of a case as the compliance engine sees it: its type (the event's name without "Event"),
 * its place in the case, when it happened, when it was recorded, and its plain fields.
 */
public record CaseFact(long sequence, String type, Instant occurredAt, Instant recordedAt, Map<String, Object> fields) {

    public CaseFact {
        fields = fields == null ? Map.of() : fields;
    }

    public String text(String field) {
        Object value = fields.get(field);
        return value == null ? null : value.toString();
    }

    public Long number(String field) {
        return fields.get(field) instanceof Number number ? number.longValue() : null;
    }

    public boolean flag(String field) {
        return Boolean.TRUE.equals(fields.get(field));
    }

    public List<?> list(String field) {
        return fields.get(field) instanceof List<?> values ? values : List.of();
    }

    /**
     * Matches conditions such as {decision=CHARGE}, {outcome=BAILED|REMANDED_IN_CUSTODY} or, for a number,
     * {lengthMonths=>=12}.
     */
    public boolean matches(Map<String, String> conditions) {
        return conditions.entrySet().stream().allMatch(condition -> {
            if (condition.getValue().startsWith(">=")) {
                Long value = number(condition.getKey());
                return value != null && value >= Long.parseLong(condition.getValue().substring(2).trim());
            }
            String value = text(condition.getKey());
            return value != null && List.of(condition.getValue().split("\\|")).contains(value);
        });
    }
}
