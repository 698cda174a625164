package uk.london.victims.domain.cases;

/**
 * A command that the case's history does not allow. {@code code} is stable and safe to show to API
 * clients; the message is written for the person who sent the command.
 */
public class CaseRuleViolationException extends RuntimeException {

    private final String code;

    public CaseRuleViolationException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
