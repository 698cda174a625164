package uk.london.victims.domain.cases;

/** What the wiring needs to know about the case aggregate, which stays package-private. */
public final class Cases {

    /** The aggregate type, as registered with Axon and written in the event store. */
    public static final Class<?> AGGREGATE = Case.class;

    /** The aggregate's snapshot revision: snapshots of any other are not used. */
    public static final String REVISION = Case.class.getAnnotation(org.axonframework.serialization.Revision.class).value();

    private Cases() {
    }
}
