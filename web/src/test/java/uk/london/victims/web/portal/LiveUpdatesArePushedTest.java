package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.projections.timeline.CaseTimelineChanged;
import uk.london.victims.projections.timeline.CaseTimelineView;

/**
 * The case page's live updates are pushed (ADR 0029): on virtual time, an open stream that hears of no change
 * reads nothing however long it stays open, and a change signal brings exactly one read and one event. Under
 * the old 2 s polling the idle ten minutes below would have been 300 reads.
 */
class LiveUpdatesArePushedTest {

    private static final PortalIdentity VICTIM = new PortalIdentity("case-1", "victim-1", "victim-1", false,
            Instant.parse("2026-03-02T09:00:00Z"));

    private final AtomicInteger timelineReads = new AtomicInteger();
    private final AtomicInteger sessionChecks = new AtomicInteger();
    private final AtomicLong version = new AtomicLong(3);
    private final AtomicBoolean stillSignedIn = new AtomicBoolean(true);
    private final Sinks.Many<CaseTimelineChanged> changes = Sinks.many().multicast().onBackpressureBuffer();

    @SuppressWarnings("unchecked")
    private TrackController controller() {
        CaseForVictim cases = mock(CaseForVictim.class);
        when(cases.timeline("case-1")).thenAnswer(call -> {
            timelineReads.incrementAndGet();
            return Optional.of(new CaseTimelineView("case-1", version.get(), List.of()));
        });
        when(cases.steps(any(), anyString(), anyLong())).thenReturn(List.of());
        PortalSignIn signIn = mock(PortalSignIn.class);
        when(signIn.stillValid(VICTIM)).thenAnswer(call -> {
            sessionChecks.incrementAndGet();
            return stillSignedIn.get();
        });
        SubscriptionQueryResult<Object, Object> live = mock(SubscriptionQueryResult.class);
        when(live.updates()).thenReturn((Flux) changes.asFlux());
        when(live.initialResult()).thenReturn(Mono.empty());
        QueryGateway queries = mock(QueryGateway.class);
        when(queries.subscriptionQuery(anyString(), any(), any(ResponseType.class), any(ResponseType.class), anyInt()))
                .thenReturn((SubscriptionQueryResult) live);
        return new TrackController(cases, mock(CommandGateway.class), mock(PersonalDataVault.class), mock(AuditLog.class),
                Clock.systemUTC(), signIn, new ObjectMapper(), queries);
    }

    @Test
    void anOpenPageReadsNothingUntilAChangeIsPushedThenReadsOnce() {
        TrackController controller = controller();
        StepVerifier.withVirtualTime(() -> controller.updates(null, 3L)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new PortalAuthentication(VICTIM))))
                .expectNextMatches(hello -> "connected".equals(hello.comment()))
                .then(() -> assertThat(timelineReads).as("one read when the page connects").hasValue(1))
                .thenAwait(Duration.ofMinutes(10))
                .then(() -> {
                    assertThat(timelineReads).as("no reads while nothing changes").hasValue(1);
                    assertThat(sessionChecks).as("no session checks while nothing changes").hasValue(1);
                })
                .then(() -> {
                    version.set(4);
                    changes.tryEmitNext(new CaseTimelineChanged("case-1", 4));
                })
                .expectNextMatches(event -> "steps".equals(event.event()) && "4".equals(event.id()))
                .then(() -> assertThat(timelineReads).as("one read per change").hasValue(2))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aTimelineBehindTheSignalIsReadAgainUntilItCatchesUp() {
        TrackController controller = controller();
        StepVerifier.withVirtualTime(() -> controller.updates(null, 3L)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new PortalAuthentication(VICTIM))))
                .expectNextMatches(hello -> "connected".equals(hello.comment()))
                // Another instance heard of version 5 before this one's projection wrote it.
                .then(() -> changes.tryEmitNext(new CaseTimelineChanged("case-1", 5)))
                .thenAwait(Duration.ofMillis(200))
                .then(() -> version.set(5))
                .thenAwait(Duration.ofSeconds(2))
                .expectNextMatches(event -> "steps".equals(event.event()) && "5".equals(event.id()))
                .thenCancel()
                .verify(Duration.ofSeconds(30));
        assertThat(timelineReads.get()).as("read again while behind, then no more").isBetween(3, 8);
    }

    @Test
    void aSessionThatEndedAtTheNextChangeGetsNothingAndTheStreamEnds() {
        TrackController controller = controller();
        StepVerifier.withVirtualTime(() -> controller.updates(null, 3L)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new PortalAuthentication(VICTIM))))
                .expectNextMatches(hello -> "connected".equals(hello.comment()))
                .then(() -> {
                    // Signed out everywhere on another device, then a new step is recorded.
                    stillSignedIn.set(false);
                    version.set(4);
                    changes.tryEmitNext(new CaseTimelineChanged("case-1", 4));
                })
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(timelineReads).as("nothing read for an ended session").hasValue(1);
    }
}
