package uk.london.victims.bench;

import uk.london.victims.application.workload.Journey;

import org.axonframework.commandhandling.gateway.CommandGateway;

import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.domain.people.Sealed;

/**
 * Sends journeys through the service's own command gateway: the same aggregate, event store, vault and
 * projections as the HTTP API, without HTTP and JSON in the measured path (the API layer only maps a
 * request onto one of these commands; its cost is measured separately by the read benchmarks).
 */
public final class JourneySender {

    private final CommandGateway commands;
    private final PersonalDataVault vault;

    public JourneySender(CommandGateway commands, PersonalDataVault vault) {
        this.commands = commands;
        this.vault = vault;
    }

    /** Sends every step in order, each waiting for the previous one; a rejected command throws. */
    public void send(Journey journey, StepListener listener) {
        send(journey, listener, () -> { });
    }

    /** As {@link #send(Journey, StepListener)}, running {@code beforeEach} before each command (to pace a load). */
    public void send(Journey journey, StepListener listener, Runnable beforeEach) {
        long[] versions = new long[journey.steps().size()];
        Journey.Context context = new Journey.Context() {
            @Override
            public long versionAfter(int index) {
                return versions[index];
            }

            @Override
            public Sealed seal(PersonId person, String plaintext) {
                return vault.seal(person, plaintext);
            }
        };
        for (int i = 0; i < versions.length; i++) {
            var command = journey.steps().get(i).command().apply(context);
            beforeEach.run();
            long started = System.nanoTime();
            Object result = commands.sendAndWait(command);
            listener.sent(System.nanoTime() - started);
            versions[i] = result instanceof Number n ? n.longValue() : 0;
        }
    }

    /** Told the duration of each acknowledged command, in nanoseconds. */
    @FunctionalInterface
    public interface StepListener {
        StepListener NONE = nanos -> { };

        void sent(long nanos);
    }
}
