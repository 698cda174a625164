package uk.london.victims.application.store;

/**
 * An append carried a value that must be unique across the store (see
 * {@link MongoEventStorageEngine.Builder#uniqueValue}) and an event already stored has it: nothing of the
 * append was written.
 */
public class UniqueValueTakenException extends RuntimeException {

    private final String value;

    public UniqueValueTakenException(String value) {
        super("Already taken: " + value, null, false, false);
        this.value = value;
    }

    /** The value as claimed, such as {@code crimeReference:CRIS-1/26}. */
    public String value() {
        return value;
    }
}
