package uk.london.victims.domain.code;

/** A time limit such as "1 working day" or "24 hours". */
public record TimeLimit(int amount, LimitUnit unit) {

    public TimeLimit {
        if (amount < 1 || unit == null) {
            throw new IllegalArgumentException("A time limit is a positive amount of a unit");
        }
    }
}
