package uk.london.victims.web.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import uk.london.victims.application.audit.AuditLog;
import uk.london.victims.domain.cases.Agency;
import uk.london.victims.domain.cases.CaseCommand;
import uk.london.victims.domain.cases.CaseId;
import uk.london.victims.domain.cases.ContactChannel;
import uk.london.victims.domain.cases.RestorativeJusticeStep;
import uk.london.victims.domain.cases.ReviewableDecision;
import uk.london.victims.domain.cases.ServiceStage;
import uk.london.victims.domain.cases.SuspectId;
import uk.london.victims.domain.cases.VictimPersonalStatementStep;
import uk.london.victims.domain.cases.prosecution.RequestDecisionReviewCommand;
import uk.london.victims.domain.cases.restorative.RecordRestorativeJusticeStepCommand;
import uk.london.victims.domain.cases.victims.MakeComplaintCommand;
import uk.london.victims.domain.cases.victims.RateTreatmentCommand;
import uk.london.victims.domain.cases.victims.RecordVictimPersonalStatementCommand;
import uk.london.victims.domain.cases.victims.RequestUpdateCommand;
import uk.london.victims.domain.cases.victims.SendMessageCommand;
import uk.london.victims.domain.cases.victims.SetContactPreferencesCommand;
import uk.london.victims.domain.people.PersonId;
import uk.london.victims.domain.people.PersonalDataVault;
import uk.london.victims.projections.timeline.CaseTimelineChanged;
import uk.london.victims.projections.timeline.CaseTimelineProjection;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.FindCaseTimelineQuery;

/**
 * The signed-in victim's case: the page, its live updates, and each action. The case and the victim
 * come only from the session's {@link PortalIdentity}; no URL or form field names either, so there is
 * nothing to tamper with. Every view and action is audited.
 */
@Controller
class TrackController {

    private static final Logger log = LoggerFactory.getLogger(TrackController.class);
    static final Set<String> ACTIONS = Set.of("request-update", "message", "contact", "statement", "restorative-justice",
            "review", "complaint", "rate");
    private static final String COULD_NOT_RECORD = "We could not save that just now. Please try again, or contact the officer in your case.";
    /** How long one stream stays open; the browser then reconnects with Last-Event-ID. */
    private static final Duration LIVE_FOR = Duration.ofMinutes(15);
    /** Changes held for a slow page; older ones are dropped, since a read brings every step up to now. */
    private static final int LIVE_BUFFER = 16;

    record Support(String name, String text, String phone, String url, List<String> forFlags, List<String> forOffences) {
    }

    /** A form that is not right: the field to fix (the id the error summary links to) and what to do. */
    record FormError(String field, String message) {
    }

    /** The field an error about the whole form points to: each form's first question. */
    private static final Map<String, String> FIRST_FIELD = Map.of("request-update", "agency", "message", "agency",
            "contact", "channels", "statement", "statement", "restorative-justice", "rj", "review", "decision",
            "complaint", "agency", "rate", "stage");

    private static final Map<ContactChannel, String> CHANNEL_NAMES = Map.of(ContactChannel.SMS, "text message",
            ContactChannel.EMAIL, "email", ContactChannel.PHONE, "phone call", ContactChannel.LETTER, "letter",
            ContactChannel.VISIT, "home visit", ContactChannel.PORTAL, "this website");

    private final CaseForVictim cases;
    private final CommandGateway commands;
    private final PersonalDataVault vault;
    private final AuditLog audit;
    private final Clock clock;
    private final PortalSignIn signIn;
    private final ObjectMapper json;
    private final List<Support> support;
    private final QueryGateway queries;

    TrackController(CaseForVictim cases, CommandGateway commands, PersonalDataVault vault, AuditLog audit, Clock clock,
                    PortalSignIn signIn, ObjectMapper json, QueryGateway queries) {
        this.cases = cases;
        this.queries = queries;
        this.commands = commands;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
        this.signIn = signIn;
        this.json = json;
        try (InputStream in = TrackController.class.getResourceAsStream("/portal/support.json")) {
            this.support = json.readValue(in, new TypeReference<List<Support>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/track")
    Mono<Rendering> casePage(@RequestParam(name = "done", required = false) String done) {
        return PortalPages.identity().flatMap(identity -> blocking(() -> {
            audit.record(identity.personId(), "PORTAL", "portal-view", identity.caseId(), "victim portal: case page");
            return cases.load(identity, clock.instant());
        })).map(view -> view.map(v -> PortalPages.view("portal/case").modelAttribute("view", v)
                        .modelAttribute("support", supportFor(v))
                        .modelAttribute("done", done != null && ACTIONS.contains(done) ? cases.confirmation(done, v) : null).build())
                .orElseGet(() -> PortalPages.view("portal/not-ready").build()));
    }

    /**
     * New steps as they are recorded, for as long as the page is open (at most the idle timeout). Pushed, not
     * polled (ADR 0029): the stream waits on the timeline's change signal, so an idle page costs the store
     * nothing; on a change it checks the session is still good and reads the timeline once. Each event's id is
     * the case version it brings the page to, so a reconnecting browser's Last-Event-ID resumes exactly where
     * it left off.
     */
    @GetMapping(path = "/track/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> updates(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                                          @RequestParam(name = "since", required = false) Long since) {
        long start = parse(lastEventId).or(() -> Optional.ofNullable(since)).orElse(-1L);
        return PortalPages.identity().flatMapMany(identity -> {
            AtomicLong seen = new AtomicLong(start);
            // A first comment sends the response headers at once, and tells the browser how soon to reconnect.
            ServerSentEvent<String> hello = ServerSentEvent.<String>builder().comment("connected").retry(Duration.ofSeconds(5)).build();
            return Flux.using(() -> queries.subscriptionQuery(FindCaseTimelineQuery.class.getName(),
                            new FindCaseTimelineQuery(identity.caseId(), false),
                            ResponseTypes.optionalInstanceOf(CaseTimelineView.class), ResponseTypes.instanceOf(CaseTimelineChanged.class),
                            LIVE_BUFFER),
                    live -> Flux.concat(Flux.just(hello),
                            // Subscribed before the first read, so a change between the two is not missed.
                            Flux.concat(Mono.just(-1L), live.updates().map(CaseTimelineChanged::version))
                                    .onBackpressureLatest()
                                    .filter(version -> version < 0 || version > seen.get())
                                    .concatMap(version -> read(identity, version), 1)
                                    // Signed out everywhere, erased, or past the session's lifetime: the stream ends.
                                    .takeWhile(Optional::isPresent)
                                    .map(Optional::get)
                                    .filter(timeline -> timeline.isPresent() && timeline.get().version() > seen.get())
                                    .map(timeline -> {
                                        List<VictimSteps.Step> steps = cases.steps(timeline.get(), identity.victimId(), seen.get());
                                        seen.set(timeline.get().version());
                                        return ServerSentEvent.<String>builder().id(String.valueOf(timeline.get().version()))
                                                .event("steps").data(toJson(steps)).build();
                                    })),
                    SubscriptionQueryResult::close)
                    .take(LIVE_FOR);
        });
    }

    /**
     * The timeline once it has reached {@code version}, if the session is still good (else empty, which ends
     * the stream). Another instance may project the event a little after this one hears of it, so a timeline
     * behind the signal is read again, a few times, with growing pauses; after that the next change brings it.
     */
    private Mono<Optional<Optional<CaseTimelineView>>> read(PortalIdentity identity, long version) {
        return blocking(() -> signIn.stillValid(identity) ? Optional.of(cases.timeline(identity.caseId())) : Optional.<Optional<CaseTimelineView>>empty())
                .flatMap(read -> read.isEmpty() || read.get().map(CaseTimelineView::version).orElse(-1L) >= version
                        ? Mono.just(read) : Mono.error(new BehindTheSignal(read)))
                .retryWhen(Retry.backoff(6, Duration.ofMillis(25)).maxBackoff(Duration.ofMillis(800))
                        .filter(BehindTheSignal.class::isInstance).onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorResume(BehindTheSignal.class, behind -> Mono.just(behind.read));
    }

    /** The timeline read was older than the change signalled. */
    private static final class BehindTheSignal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Optional<CaseTimelineView>> read;

        BehindTheSignal(Optional<Optional<CaseTimelineView>> read) {
            super(null, null, false, false);
            this.read = read;
        }
    }

    @GetMapping("/track/{action}")
    Mono<Rendering> actionPage(@PathVariable String action) {
        if (!ACTIONS.contains(action)) {
            return Mono.just(PortalPages.view("portal/not-found").status(HttpStatus.NOT_FOUND).build());
        }
        return PortalPages.identity().flatMap(identity -> blocking(() -> {
            audit.record(identity.personId(), "PORTAL", "portal-view", identity.caseId(), "victim portal: " + action);
            return cases.load(identity, clock.instant());
        })).map(view -> form(action, view.orElse(null), null, null).build());
    }

    @PostMapping("/track/{action}")
    Mono<Rendering> act(@PathVariable String action, ServerWebExchange exchange) {
        if (!ACTIONS.contains(action)) {
            return Mono.just(PortalPages.view("portal/not-found").status(HttpStatus.NOT_FOUND).build());
        }
        return Mono.zip(PortalPages.identity(), exchange.getFormData()).flatMap(both -> blocking(() -> {
            PortalIdentity identity = both.getT1();
            Optional<CaseForVictim.View> view = cases.load(identity, clock.instant());
            if (view.isEmpty()) {
                return PortalPages.view("portal/not-ready").build();
            }
            Instant now = clock.instant();
            Object commandOrError = command(action, both.getT2(), identity, view.get(), now);
            if (commandOrError instanceof FormError error) {
                return form(action, view.get(), error, both.getT2()).status(HttpStatus.BAD_REQUEST).build();
            }
            try {
                for (CaseCommand command : (List<CaseCommand>) commandOrError) {
                    commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(
                            Map.of(CaseTimelineProjection.RECORDED_BY, "victim-portal")));
                }
            } catch (RuntimeException rejected) {
                log.info("A portal action ({}) was not recorded: {}", action, rejected.getMessage());
                return form(action, view.get(), new FormError(FIRST_FIELD.get(action), COULD_NOT_RECORD), both.getT2())
                        .status(HttpStatus.UNPROCESSABLE_ENTITY).build();
            }
            audit.record(identity.personId(), "PORTAL", "portal-action:" + action, identity.caseId(), "victim portal");
            return Rendering.redirectTo("/track?done=" + action).build();
        }));
    }

    /**
     * A form page; after an error, with what was sent, so nothing the victim wrote or chose is lost. The contact
     * form opens with the choices last saved.
     */
    private Rendering.Builder<?> form(String action, CaseForVictim.View view, FormError error, MultiValueMap<String, String> sent) {
        Rendering.Builder<?> page = PortalPages.view("portal/" + action).modelAttribute("view", view)
                .modelAttribute("agencies", view == null ? List.of(Agency.POLICE) : view.agencies())
                .modelAttribute("stages", ServiceStage.values())
                .modelAttribute("acknowledgeBy", VictimSteps.day(cases.acknowledgeBy(clock.instant())))
                .modelAttribute("sent", sent == null ? new org.springframework.util.LinkedMultiValueMap<String, String>() : sent)
                .modelAttribute("contact", sent != null && "contact".equals(action) ? new CaseForVictim.ContactChoices(
                        names(sent, "channels"), names(sent, "unsafe"), Optional.ofNullable(sent.getFirst("every")).orElse(""),
                        "yes".equals(sent.getFirst("declined")))
                        : view == null ? CaseForVictim.ContactChoices.NONE : view.contact());
        return error == null ? page : page.modelAttribute("error", error);
    }

    private static Set<String> names(MultiValueMap<String, String> form, String field) {
        return Set.copyOf(Optional.ofNullable(form.get(field)).orElse(List.of()));
    }

    /** The commands an action's form asks for, or the message to show when the form is not right. */
    private Object command(String action, MultiValueMap<String, String> form, PortalIdentity identity, CaseForVictim.View view,
                           Instant now) {
        CaseId caseId = new CaseId(identity.caseId());
        PersonId victim = new PersonId(identity.victimId());
        switch (action) {
            case "request-update" -> {
                Agency agency = involved(choice(form, "agency", Agency.class), view);
                return agency == null ? new FormError("agency", "Choose who you want an update from")
                        : List.of(new RequestUpdateCommand(caseId, victim, agency, now));
            }
            case "message" -> {
                Agency agency = involved(choice(form, "agency", Agency.class), view);
                String text = text(form, "message");
                if (agency == null) {
                    return new FormError("agency", "Choose who your message is for");
                }
                if (text == null || text.length() > 2000) {
                    return new FormError("message", text == null ? "Write your message"
                            : "Your message must be 2,000 characters or fewer");
                }
                return List.of(new SendMessageCommand(caseId, victim, UUID.randomUUID().toString(), agency, vault.seal(victim, text), now));
            }
            case "contact" -> {
                Set<ContactChannel> channels = channels(form, "channels");
                Set<ContactChannel> unsafe = channels(form, "unsafe");
                // Both wanted and unsafe is a mistake only the victim can put right: dropping one silently could
                // send a text to a phone someone else reads.
                Optional<ContactChannel> both = channels.stream().filter(unsafe::contains).sorted().findFirst();
                if (both.isPresent()) {
                    return new FormError("channels", "You chose " + CHANNEL_NAMES.get(both.get())
                            + " as a way to contact you and as unsafe. Choose one or the other");
                }
                channels.add(ContactChannel.PORTAL);
                // A tampered form may still mark the portal itself unsafe: that choice wins, as it always did.
                channels.removeAll(unsafe);
                boolean declined = "yes".equals(form.getFirst("declined"));
                Integer every = switch (Optional.ofNullable(form.getFirst("every")).orElse("")) {
                    case "7" -> 7;
                    case "14" -> 14;
                    case "28" -> 28;
                    default -> null;
                };
                return List.of(new SetContactPreferencesCommand(caseId, victim, channels, unsafe, declined, every, now));
            }
            case "statement" -> {
                String text = text(form, "statement");
                String read = form.getFirst("readInCourt");
                if (text == null || text.length() > 10000) {
                    return new FormError("statement", text == null ? "Write how the crime has affected you"
                            : "Your statement must be 10,000 characters or fewer");
                }
                if (!"yes".equals(read) && !"no".equals(read)) {
                    return new FormError("readInCourt", "Say whether you would like to read your statement in court yourself");
                }
                return List.of(new SendMessageCommand(caseId, victim, VictimSteps.STATEMENT_MESSAGE + UUID.randomUUID(), Agency.POLICE,
                                vault.seal(victim, "Victim Personal Statement:\n" + text), now),
                        new RecordVictimPersonalStatementCommand(caseId, victim,
                                view.statementMade() ? VictimPersonalStatementStep.UPDATED : VictimPersonalStatementStep.MADE,
                                "yes".equals(read), now));
            }
            case "restorative-justice" -> {
                if (view.admittedOffender().isEmpty()) {
                    return new FormError("rj", "Restorative justice can only be offered once the person who harmed you has admitted it");
                }
                return List.of(new RecordRestorativeJusticeStepCommand(caseId, new SuspectId(view.admittedOffender().get()),
                        RestorativeJusticeStep.REQUESTED_BY_VICTIM, "Asked for through the victim portal", now));
            }
            case "review" -> {
                String chosen = form.getFirst("decision");
                Optional<CaseForVictim.Decision> decision = view.reviewable().stream()
                        .filter(d -> (d.decision() + "/" + d.suspectId()).equals(chosen)).findFirst();
                return decision.<Object>map(d -> List.of(new RequestDecisionReviewCommand(caseId, victim, new SuspectId(d.suspectId()),
                        ReviewableDecision.valueOf(d.decision()), now))).orElse(view.reviewable().isEmpty() ? new FormError("no-decision", "There is no decision you can ask to be reviewed")
                        : new FormError("decision", "Choose the decision you want reviewed"));
            }
            case "complaint" -> {
                Agency agency = involved(choice(form, "agency", Agency.class), view);
                String text = text(form, "complaint");
                if (agency == null) {
                    return new FormError("agency", "Choose who your complaint is about");
                }
                if (text == null || text.length() > 5000) {
                    return new FormError("complaint", text == null ? "Tell us what went wrong"
                            : "Your complaint must be 5,000 characters or fewer");
                }
                return List.of(new MakeComplaintCommand(caseId, victim, "C-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                        agency, vault.seal(victim, text), now));
            }
            case "rate" -> {
                ServiceStage stage = choice(form, "stage", ServiceStage.class);
                String rating = Optional.ofNullable(form.getFirst("rating")).orElse("");
                if (stage == null) {
                    return new FormError("stage", "Choose which part of your case you are rating");
                }
                if (!rating.matches("[1-5]")) {
                    return new FormError("rating", "Choose how well you were treated");
                }
                return List.of(new RateTreatmentCommand(caseId, victim, stage, Integer.parseInt(rating), now));
            }
            default -> throw new IllegalArgumentException(action);
        }
    }

    private List<Support> supportFor(CaseForVictim.View view) {
        List<String> flags = Optional.ofNullable(view.summary().priorityFlags()).orElse(List.of());
        String offence = view.summary().offence();
        return support.stream().filter(s -> (s.forFlags().isEmpty() && s.forOffences().isEmpty())
                || s.forFlags().stream().anyMatch(flags::contains) || s.forOffences().contains(offence)).toList();
    }

    /** An agency the victim may choose: one involved in their case so far. */
    private static Agency involved(Agency agency, CaseForVictim.View view) {
        return agency != null && view.agencies().contains(agency) ? agency : null;
    }

    private static <E extends Enum<E>> E choice(MultiValueMap<String, String> form, String field, Class<E> type) {
        String value = form.getFirst(field);
        try {
            return value == null ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Set<ContactChannel> channels(MultiValueMap<String, String> form, String field) {
        Set<ContactChannel> channels = new java.util.HashSet<>();
        for (String value : Optional.ofNullable(form.get(field)).orElse(List.of())) {
            try {
                channels.add(ContactChannel.valueOf(value));
            } catch (IllegalArgumentException ignored) {
                // An unknown channel from a tampered form is simply not chosen.
            }
        }
        return channels;
    }

    private static String text(MultiValueMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Long> parse(String id) {
        try {
            return id == null ? Optional.empty() : Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
