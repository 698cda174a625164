package uk.london.victims.web.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.FindPlanMeasuresQuery;
import uk.london.victims.projections.review.PlanMeasuresView;
import uk.london.victims.projections.review.ReviewBasis;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewedObligationView;
import uk.london.victims.web.review.AuditedReviewReads;
import uk.london.victims.web.review.PublicationRule;

/**
 * The Victims' Commissioner's compliance review, for a period and as of a date. Only the Commissioner's
 * role may read it. The CSV is for publication: counts under the suppression threshold are withheld,
 * and so is any rate worked out from them, so no victim can be recognised.
 */
@RestController
@RequestMapping("/api/review")
@PreAuthorize("hasRole('COMMISSIONER')")
class ReviewController {

    private final QueryGateway queries;
    private final AuditedReviewReads audited;
    private final Clock clock;
    private final PublicationRule publication;

    ReviewController(QueryGateway queries, AuditedReviewReads audited, Clock clock,
                     @Value("${vjt.review.suppress-below:5}") int threshold) {
        this.queries = queries;
        this.audited = audited;
        this.clock = clock;
        this.publication = new PublicationRule(threshold);
    }

    @GetMapping
    @Operation(summary = "Compliance figures for obligations whose clocks started in [from, to), as known at asOf",
            description = "Roles: COMMISSIONER. Unsuppressed: for analysis, not for publication. With thenBy, each group is "
                          + "broken down again by a second dimension (breakdown); bcu (e.g. Central East) or borough "
                          + "(e.g. HACKNEY) keeps only the obligations of cases there.")
    Mono<ComplianceReviewView> review(@RequestParam Instant from, @RequestParam Instant to,
                                      @RequestParam(required = false) Instant asOf,
                                      @RequestParam(defaultValue = "RIGHT") ReviewDimension groupBy,
                                      @RequestParam(required = false) ReviewDimension thenBy,
                                      @RequestParam(required = false) String bcu,
                                      @RequestParam(required = false) String borough,
                                      @RequestParam(defaultValue = "CODE_RIGHTS") ReviewBasis basis) {
        requirePeriod(from, to);
        if (thenBy == groupBy) {
            throw new IllegalArgumentException("thenBy must differ from groupBy");
        }
        FindComplianceReviewQuery query = new FindComplianceReviewQuery(from, to, asOfOrNow(asOf), groupBy, thenBy,
                bcu == null ? null : AreaParameters.bcuName(bcu), borough == null ? null : AreaParameters.boroughCode(borough), asOf == null, basis);
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(ComplianceReviewView.class)))
                   .subscribeOn(Schedulers.boundedElastic());
    }



    @GetMapping("/obligations")
    @Operation(summary = "The obligations behind one figure (one group of a review), each with its case",
            description = "Roles: COMMISSIONER. Every drill-down is written to the audit log. With thenBy and then, only the "
                          + "obligations of one cell of a two-way review (e.g. groupBy=AGENCY&group=POLICE&thenBy=RIGHT&then=R4); "
                          + "bcu or borough as for the review.")
    Mono<List<ReviewedObligationView>> drillDown(@RequestParam Instant from, @RequestParam Instant to,
                                                 @RequestParam(required = false) Instant asOf,
                                                 @RequestParam(defaultValue = "RIGHT") ReviewDimension groupBy,
                                                 @RequestParam(defaultValue = "CODE_RIGHTS") ReviewBasis basis,
                                                 @RequestParam String group,
                                                 @RequestParam(required = false) ReviewDimension thenBy,
                                                 @RequestParam(required = false) String then,
                                                 @RequestParam(required = false) String bcu,
                                                 @RequestParam(required = false) String borough) {
        requirePeriod(from, to);
        if (thenBy == groupBy) {
            throw new IllegalArgumentException("thenBy must differ from groupBy");
        }
        if ((thenBy == null) != (then == null)) {
            throw new IllegalArgumentException("thenBy and then go together: thenBy names the second dimension, then its value");
        }
        FindComplianceReviewQuery query = new FindComplianceReviewQuery(from, to, asOfOrNow(asOf), groupBy, thenBy,
                bcu == null ? null : AreaParameters.bcuName(bcu), borough == null ? null : AreaParameters.boroughCode(borough),
                asOf == null, basis);
        return audited.obligationsBehind(query, group, then);
    }

    @GetMapping("/plan-measures")
    @Operation(summary = "The Police and Crime Plan's measures for cases reported in [from, to), as known at asOf",
            description = "Roles: COMMISSIONER")
    Mono<PlanMeasuresView> planMeasures(@RequestParam Instant from, @RequestParam Instant to,
                                        @RequestParam(required = false) Instant asOf) {
        requirePeriod(from, to);
        FindPlanMeasuresQuery query = new FindPlanMeasuresQuery(from, to, asOfOrNow(asOf));
        // Off the event loop: the query reads every case of the period from the store.
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(PlanMeasuresView.class)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping(value = "/export.csv", produces = "text/csv")
    @Operation(summary = "The same figures as CSV for publication, small counts suppressed", description = "Roles: COMMISSIONER")
    Mono<ResponseEntity<String>> export(@RequestParam Instant from, @RequestParam Instant to,
                                        @RequestParam(required = false) Instant asOf,
                                        @RequestParam(defaultValue = "RIGHT") ReviewDimension groupBy,
                                        @RequestParam(defaultValue = "CODE_RIGHTS") ReviewBasis basis) {
        return query(from, to, asOf, groupBy, basis).map(view -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"victims-code-review.csv\"")
                .body(csv(view)));
    }

    private Mono<ComplianceReviewView> query(Instant from, Instant to, Instant asOf, ReviewDimension groupBy, ReviewBasis basis) {
        FindComplianceReviewQuery query = reviewQuery(from, to, asOf, groupBy, basis);
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(ComplianceReviewView.class)))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private FindComplianceReviewQuery reviewQuery(Instant from, Instant to, Instant asOf, ReviewDimension groupBy,
                                                  ReviewBasis basis) {
        requirePeriod(from, to);
        return new FindComplianceReviewQuery(from, to, asOfOrNow(asOf), groupBy, null, null, null, asOf == null, basis);
    }

    private static void requirePeriod(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** A review is always as of a date; without one, as of now. */
    private Instant asOfOrNow(Instant asOf) {
        return asOf == null ? clock.instant() : asOf;
    }

    String csv(ComplianceReviewView view) {
        return publication.csv(view);
    }
}
