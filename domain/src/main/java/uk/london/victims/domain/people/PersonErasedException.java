package uk.london.victims.domain.people;

/**
 * A person's key was destroyed (erasure), so nothing personal about them may be recorded again. A
 * request that tries is refused as one the case's history does not allow, not as a service fault.
 */
public class PersonErasedException extends IllegalStateException {

    public PersonErasedException(PersonId person) {
        super("Person " + person + " has been erased; their personal details cannot be recorded again");
    }
}
