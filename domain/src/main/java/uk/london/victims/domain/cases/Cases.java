package uk.london.victims.domain.cases;

/** What the wiring needs to know about the case aggregate, which stays package-private. */
public final class Cases {

    /** The aggregate type, as registered with Axon and written in the event store. */
    public static final Class<?> AGGREGATE = Case.class;

    private Cases() {
    }
}
