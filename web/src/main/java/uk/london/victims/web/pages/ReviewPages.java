package uk.london.victims.web.pages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.domain.code.Obligation;
import uk.london.victims.domain.code.ObligationStatus;
import uk.london.victims.projections.review.ComplianceReviewView;
import uk.london.victims.projections.review.FindComplianceReviewQuery;
import uk.london.victims.projections.review.FindPlanMeasuresQuery;
import uk.london.victims.projections.review.PlanMeasuresView;
import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.projections.review.ReviewRow;
import uk.london.victims.projections.review.ReviewedObligationView;
import uk.london.victims.projections.review.StageSatisfaction;
import uk.london.victims.projections.timeline.CaseTimelineView;
import uk.london.victims.projections.timeline.TimelineEntryView;
import uk.london.victims.web.pages.ReviewViews.Bar;
import uk.london.victims.web.pages.ReviewViews.BarChart;
import uk.london.victims.web.pages.ReviewViews.Cell;
import uk.london.victims.web.pages.ReviewViews.Column;
import uk.london.victims.web.pages.ReviewViews.CrossCell;
import uk.london.victims.web.pages.ReviewViews.CrossRow;
import uk.london.victims.web.pages.ReviewViews.CrossTab;
import uk.london.victims.web.pages.ReviewViews.FigureRow;
import uk.london.victims.web.pages.ReviewViews.HistoryRow;
import uk.london.victims.web.pages.ReviewViews.ObligationRow;
import uk.london.victims.web.pages.ReviewViews.StageRow;
import uk.london.victims.web.review.AuditedReviewReads;
import uk.london.victims.web.review.PublicationRule;
import uk.london.victims.web.review.ReviewLabels;
import uk.london.victims.web.security.StaffMember;

/**
 * The Commissioner's review as pages: the same queries as {@code /api/review}, so a page and the JSON for
 * the same period always agree. The security chain lets only the Commissioner in; every read below the
 * aggregate figures goes through {@link AuditedReviewReads}.
 */
@Controller
class ReviewPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
                                                                   .withZone(ReviewPeriod.LONDON);
    private static final Pattern CASE_ID = Pattern.compile("[A-Za-z0-9-]{1,80}");
    private static final String WITHHELD = PublicationRule.WITHHELD;

    private final QueryGateway queries;
    private final AuditedReviewReads audited;
    private final Clock clock;
    private final PublicationRule publication;

    ReviewPages(QueryGateway queries, AuditedReviewReads audited, Clock clock, @Value("${vjt.review.suppress-below:5}") int threshold) {
        this.queries = queries;
        this.audited = audited;
        this.clock = clock;
        this.publication = new PublicationRule(threshold);
    }

    @GetMapping("/review")
    Mono<Rendering> figures(@RequestParam MultiValueMap<String, String> params) {
        ReviewPeriod period = ReviewPeriod.parse(params, clock);
        Rendering.Builder<?> page = page("review/figures", period, "/review");
        if (!period.valid()) {
            return staff(page.status(HttpStatus.BAD_REQUEST));
        }
        return review(period, period.by).flatMap(view -> {
            List<FigureRow> rows = new ArrayList<>();
            view.rows().stream().sorted(java.util.Comparator.comparing(ReviewRow::group, ReviewLabels.order(period.by)))
                .forEach(row -> rows.add(figureRow(period, period.by, row, true)));
            return staff(page.modelAttribute("rows", rows)
                    .modelAttribute("total", figureRow(period, period.by, view.total(), false))
                    .modelAttribute("breakdown", ReviewLabels.DIMENSIONS.get(period.by))
                    .modelAttribute("csvHref", period.link("/review/export.csv", true)));
        });
    }

    /** The API's publishable CSV, for a browser signed in with a session rather than a bearer token. */
    @GetMapping(value = "/review/export.csv", produces = "text/csv")
    @ResponseBody
    Mono<ResponseEntity<String>> export(@RequestParam MultiValueMap<String, String> params) {
        ReviewPeriod period = ReviewPeriod.parse(params, clock);
        if (!period.valid()) {
            return Mono.just(ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body(String.join("\n", period.errors().stream().map(ReviewPeriod.FieldError::message).toList()) + "\n"));
        }
        return review(period, period.by).map(view -> ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"victims-code-review.csv\"")
                .body(publication.csv(view)));
    }

    @GetMapping("/review/charts")
    Mono<Rendering> charts(@RequestParam MultiValueMap<String, String> params) {
        ReviewPeriod period = ReviewPeriod.parse(params, clock);
        Rendering.Builder<?> page = page("review/charts", period, "/review/charts");
        if (!period.valid()) {
            return staff(page.status(HttpStatus.BAD_REQUEST));
        }
        return Mono.zip(review(period, ReviewDimension.AGENCY), review(period, ReviewDimension.RIGHT), review(period, ReviewDimension.BOROUGH),
                        review(period, ReviewDimension.MONTH))
                .flatMap(views -> staff(page.modelAttribute("charts", List.of(
                        chart("by-agency", "On-time rate by agency", period, views.getT1(), views.getT1().rows().stream()
                                .sorted(java.util.Comparator.comparing(row -> ReviewLabels.agency(row.group()))).toList()),
                        chart("by-right", "On-time rate by right", period, views.getT2(), views.getT2().rows().stream()
                                .sorted(java.util.Comparator.comparing(ReviewRow::group, ReviewLabels.order(ReviewDimension.RIGHT))).toList()),
                        chart("by-borough", "On-time rate by borough", period, views.getT3(), views.getT3().rows().stream()
                                .sorted(java.util.Comparator.comparing(row -> ReviewLabels.borough(row.group()))).toList()),
                        chart("by-month", "On-time rate by month the clock started", period, views.getT4(),
                                everyMonth(period, views.getT4()))))));
    }

    /** Which agency is failing which right, where: agencies down, rights across, each cell linked to its obligations. */
    @GetMapping("/review/cross-tab")
    Mono<Rendering> crossTab(@RequestParam MultiValueMap<String, String> params) {
        ReviewPeriod period = ReviewPeriod.parse(params, clock);
        Rendering.Builder<?> page = page("review/cross-tab", period, "/review/cross-tab");
        if (!period.valid()) {
            return staff(page.status(HttpStatus.BAD_REQUEST));
        }
        return Mono.zip(review(period, ReviewDimension.AGENCY, ReviewDimension.RIGHT), review(period, ReviewDimension.RIGHT))
                .flatMap(views -> staff(page.modelAttribute("table", crossTab(period, views.getT1(), views.getT2()))));
    }

    private CrossTab crossTab(ReviewPeriod period, ComplianceReviewView byAgency, ComplianceReviewView byRight) {
        List<Column> columns = byRight.rows().stream().map(ReviewRow::group).sorted(ReviewLabels.order(ReviewDimension.RIGHT))
                .map(right -> new Column(right, ReviewLabels.group(ReviewDimension.RIGHT, right))).toList();
        List<CrossRow> rows = new ArrayList<>();
        byAgency.rows().stream().sorted(java.util.Comparator.comparing(row -> ReviewLabels.agency(row.group()))).forEach(agencyRow -> {
            Map<String, ReviewRow> byRightOfAgency = new LinkedHashMap<>();
            byAgency.breakdown().getOrDefault(agencyRow.group(), List.of()).forEach(row -> byRightOfAgency.put(row.group(), row));
            String agency = ReviewLabels.agency(agencyRow.group());
            List<CrossCell> cells = columns.stream().map(column -> crossCell(byRightOfAgency.get(column.code()),
                    drillDown(period, ReviewDimension.AGENCY, agencyRow.group(), ReviewDimension.RIGHT, column.code()),
                    agency + ", " + column.label())).toList();
            rows.add(new CrossRow(agency, cells, crossCell(agencyRow, drillDown(period, ReviewDimension.AGENCY, agencyRow.group(), null),
                    agency + ", all rights")));
        });
        Map<String, ReviewRow> rights = new LinkedHashMap<>();
        byRight.rows().forEach(row -> rights.put(row.group(), row));
        CrossRow total = new CrossRow("All agencies", columns.stream().map(column -> crossCell(rights.get(column.code()),
                drillDown(period, ReviewDimension.RIGHT, column.code(), null), "All agencies, " + column.label())).toList(),
                crossCell(byRight.total(), null, "All agencies, all rights"));
        return new CrossTab(columns, rows, total);
    }

    /** A cell: its rate first (what the question is about), then the counts it comes from. */
    private CrossCell crossCell(ReviewRow row, String href, String description) {
        if (row == null || row.opened() == 0) {
            return new CrossCell("", "none", false, false, null, description + ": no obligations");
        }
        long due = row.metOnTime() + row.metLate() + row.overdue() + row.missedLocalStandard();
        boolean withheld = publication.derivedWithheld(row);
        String counts = due == 0 ? row.opened() + " not yet due" : row.metOnTime() + " of " + due + " on time";
        if (row.overdue() > 0) {
            counts += ", " + row.overdue() + " overdue";
        }
        String rate = row.onTimeRate() == null ? "–" : percent(row.onTimeRate());
        return new CrossCell(rate, counts, withheld, row.opened() < publication.threshold(), href,
                description + ": " + (row.onTimeRate() == null ? "none due yet" : rate + " on time") + ", " + counts
                + (withheld ? ", withheld from publication" : ""));
    }

    private static String drillDown(ReviewPeriod period, ReviewDimension by, String group, ReviewDimension thenBy, String then) {
        return period.link("/review/obligations").queryParam("by", by.name()).queryParam("group", group)
                     .queryParam("thenBy", thenBy.name()).queryParam("then", then).build().encode().toUriString();
    }

    @GetMapping("/review/obligations")
    Mono<Rendering> obligations(@RequestParam MultiValueMap<String, String> params) {
        ReviewPeriod period = ReviewPeriod.parse(params, clock);
        String group = params.getFirst("group");
        ObligationStatus status = status(params.getFirst("status"));
        // A cell of the cross-tabulation: the group's obligations in one value of a second dimension.
        ReviewDimension thenBy = dimension(params.getFirst("thenBy"));
        String then = params.getFirst("then");
        boolean cell = thenBy != null && thenBy != period.by && then != null && !then.isBlank();
        if (!period.valid() || group == null || group.isBlank()) {
            return notFound(period);
        }
        FindComplianceReviewQuery review = new FindComplianceReviewQuery(period.fromInstant(), period.toInstant(),
                period.asOfInstant(), period.by, cell ? thenBy : null, period.bcuName(), period.boroughCode(), period.asKnownNow(),
                period.basis);
        String back = cell ? period.link("/review/cross-tab", false) : period.link("/review", true);
        return audited.obligationsBehind(review, group, cell ? then : null).flatMap(behind -> {
            List<ObligationRow> rows = behind.stream().filter(o -> status == null || o.obligation().status() == status)
                    .map(o -> obligationRow(period, params, o)).toList();
            return staff(page("review/obligations", period, cell ? "/review/cross-tab" : "/review")
                    .modelAttribute("groupLabel", ReviewLabels.group(period.by, group)
                            + (cell ? ", " + ReviewLabels.group(thenBy, then) : ""))
                    .modelAttribute("breakdown", ReviewLabels.DIMENSIONS.get(period.by)
                            + (cell ? " and " + ReviewLabels.DIMENSIONS.get(thenBy).toLowerCase(Locale.UK) : ""))
                    .modelAttribute("backLabel", cell ? "Back to agencies by right" : "Back to the figures")
                    .modelAttribute("statusLabel", status == null ? null : statusLabel(status))
                    .modelAttribute("obligations", rows)
                    .modelAttribute("back", back));
        });
    }

    @GetMapping("/review/cases/{caseId}")
    Mono<Rendering> caseHistory(@PathVariable String caseId, @RequestParam MultiValueMap<String, String> params) {
        ReviewPeriod period = ReviewPeriod.parse(params, clock);
        if (!CASE_ID.matcher(caseId).matches() || !period.valid()) {
            return notFound(period);
        }
        UriComponentsBuilder back = period.link("/review/obligations").queryParam("by", period.by.name());
        for (String keep : List.of("group", "status", "thenBy", "then")) {
            if (params.getFirst(keep) != null) {
                back.queryParam(keep, params.getFirst(keep));
            }
        }
        return audited.caseHistoryWithoutNames(caseId).flatMap(found -> found.isEmpty() ? notFound(period)
                : staff(page("review/case", period, "/review")
                        .modelAttribute("caseId", caseId)
                        .modelAttribute("history", history(found.get()))
                        .modelAttribute("back", params.getFirst("group") == null ? period.link("/review", true)
                                : back.build().encode().toUriString())));
    }

    @GetMapping("/review/plan-measures")
    Mono<Rendering> planMeasures(@RequestParam MultiValueMap<String, String> params) {
        ReviewPeriod period = ReviewPeriod.parse(params, clock);
        Rendering.Builder<?> page = page("review/plan-measures", period, "/review/plan-measures");
        if (!period.valid()) {
            return staff(page.status(HttpStatus.BAD_REQUEST));
        }
        FindPlanMeasuresQuery query = new FindPlanMeasuresQuery(period.fromInstant(), period.toInstant(), period.asOfInstant());
        // Off the event loop: the query reads every case of the period from the store.
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(PlanMeasuresView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(measures -> staff(page.modelAttribute("m", measures)
                        // The query's own names for the courts, which are also what the page shows.
                        .modelAttribute("courts", List.of("magistrates' court", "Crown Court"))
                        .modelAttribute("repeatRate", percent(measures.victims() == 0 ? null : (double) measures.repeatVictims() / measures.victims()))
                        .modelAttribute("rjUptake", percent(measures.restorativeJusticeOffered() == 0 ? null
                                : (double) measures.restorativeJusticeTakenUp() / measures.restorativeJusticeOffered()))
                        .modelAttribute("vpsRate", percent(measures.victimsInChargedCases() == 0 ? null
                                : (double) measures.personalStatementOffered() / measures.victimsInChargedCases()))
                        .modelAttribute("stages", measures.satisfactionByStage().stream().map(ReviewPages::stageRow).toList())
                        .modelAttribute("attrition", attrition(measures))));
    }

    // ---- building the pages

    private Rendering.Builder<?> page(String view, ReviewPeriod period, String current) {
        return Rendering.view(view)
                .modelAttribute("period", period)
                .modelAttribute("dimensions", ReviewLabels.DIMENSIONS)
                .modelAttribute("bcus", java.util.Arrays.stream(uk.london.victims.domain.geography.BasicCommandUnit.values())
                        .map(b -> new Column(b.name(), b.displayName())).toList())
                .modelAttribute("boroughs", java.util.Arrays.stream(uk.london.victims.domain.geography.Borough.values())
                        .map(b -> new Column(b.name(), b.displayName())).sorted(java.util.Comparator.comparing(Column::label)).toList())
                .modelAttribute("bases", ReviewPeriod.BASES)
                .modelAttribute("threshold", publication.threshold())
                .modelAttribute("navigation", List.of(
                        new NavigationItem("Compliance figures", period.valid() ? period.link("/review", true) : "/review", current.equals("/review")),
                        new NavigationItem("Agencies by right", period.valid() ? period.link("/review/cross-tab", false) : "/review/cross-tab",
                                current.equals("/review/cross-tab")),
                        new NavigationItem("Charts", period.valid() ? period.link("/review/charts", false) : "/review/charts", current.equals("/review/charts")),
                        new NavigationItem("Plan measures", period.valid() ? period.link("/review/plan-measures", false) : "/review/plan-measures",
                                current.equals("/review/plan-measures"))));
    }

    /** Adds who is signed in, for the sign-out bar. */
    private static Mono<Rendering> staff(Rendering.Builder<?> page) {
        return StaffMember.current().map(staff -> page.modelAttribute("staff", staff).build())
                          .defaultIfEmpty(page.build());
    }

    private Mono<Rendering> notFound(ReviewPeriod period) {
        return staff(page("review/not-found", period, "").status(HttpStatus.NOT_FOUND));
    }

    private Mono<ComplianceReviewView> review(ReviewPeriod period, ReviewDimension by) {
        return review(period, by, null);
    }

    /** The review of the period's area and basis, by one dimension or (with {@code thenBy}) two. */
    private Mono<ComplianceReviewView> review(ReviewPeriod period, ReviewDimension by, ReviewDimension thenBy) {
        FindComplianceReviewQuery query = new FindComplianceReviewQuery(period.fromInstant(), period.toInstant(), period.asOfInstant(), by,
                thenBy, period.bcuName(), period.boroughCode(), period.asKnownNow(), period.basis);
        return Mono.fromFuture(() -> queries.query(query, ResponseTypes.instanceOf(ComplianceReviewView.class)))
                   .subscribeOn(Schedulers.boundedElastic());
    }

    private FigureRow figureRow(ReviewPeriod period, ReviewDimension by, ReviewRow row, boolean drillable) {
        Function<ObligationStatus, String> href = status -> drillable ? drillDown(period, by, row.group(), status) : null;
        List<String> waivedBy = new ArrayList<>();
        row.waivedBy().forEach((reason, count) -> waivedBy.add(ReviewLabels.words(reason) + ": " + count
                + (publication.countWithheld(row, count) ? " " + WITHHELD : "")));
        boolean derived = publication.derivedWithheld(row);
        return new FigureRow(drillable ? ReviewLabels.group(by, row.group()) : "All",
                count(row, row.opened(), href.apply(null)), count(row, row.metOnTime(), href.apply(ObligationStatus.MET_ON_TIME)),
                count(row, row.metLate(), href.apply(ObligationStatus.MET_LATE)), count(row, row.overdue(), href.apply(ObligationStatus.OVERDUE)),
                count(row, row.open(), href.apply(ObligationStatus.OPEN)), count(row, row.waived(), href.apply(ObligationStatus.WAIVED)),
                waivedBy, new Cell(percent(row.onTimeRate()), derived && row.onTimeRate() != null, null),
                new Cell(days(row.medianTimeToMeet()), derived && row.medianTimeToMeet() != null, null),
                new Cell(days(row.p95TimeToMeet()), derived && row.p95TimeToMeet() != null, null));
    }

    private Cell count(ReviewRow row, long count, String href) {
        return new Cell(Long.toString(count), publication.countWithheld(row, count), count == 0 ? null : href);
    }

    private static String drillDown(ReviewPeriod period, ReviewDimension by, String group, ObligationStatus status) {
        UriComponentsBuilder link = period.link("/review/obligations").queryParam("by", by.name()).queryParam("group", group);
        if (status != null) {
            link.queryParam("status", status.name());
        }
        return link.build().encode().toUriString();
    }

    private BarChart chart(String id, String title, ReviewPeriod period, ComplianceReviewView view, List<ReviewRow> rows) {
        int top = 30;
        int rowHeight = 32;
        int barStart = 330;
        int barLength = 320;
        List<Bar> bars = new ArrayList<>();
        ReviewRow best = null;
        ReviewRow worst = null;
        for (int i = 0; i < rows.size(); i++) {
            ReviewRow row = rows.get(i);
            long due = row.metOnTime() + row.metLate() + row.overdue();
            boolean withheld = row.onTimeRate() != null && publication.derivedWithheld(row);
            int width = row.onTimeRate() == null ? 0 : (int) Math.round(row.onTimeRate() * barLength);
            bars.add(new Bar(ReviewLabels.group(view.groupBy(), row.group()), top + i * rowHeight, width,
                    row.onTimeRate() == null ? "none due" : percent(row.onTimeRate()) + (withheld ? " " + WITHHELD : ""), due,
                    withheld, due == 0 ? null : drillDown(period, view.groupBy(), row.group(), null)));
            if (row.onTimeRate() != null) {
                best = best == null || row.onTimeRate() > best.onTimeRate() ? row : best;
                worst = worst == null || row.onTimeRate() < worst.onTimeRate() ? row : worst;
            }
        }
        String description = best == null ? "No obligations were due in this period."
                : "Highest: " + ReviewLabels.group(view.groupBy(), best.group()) + ", " + percent(best.onTimeRate())
                  + ". Lowest: " + ReviewLabels.group(view.groupBy(), worst.group()) + ", " + percent(worst.onTimeRate())
                  + ". Every figure is in the table that follows.";
        return new BarChart(id, title, description, 800, top + rows.size() * rowHeight + 8, barStart, barLength, bars);
    }

    /** A trend needs its empty months too, or a gap would look like continuity. */
    private static List<ReviewRow> everyMonth(ReviewPeriod period, ComplianceReviewView view) {
        Map<String, ReviewRow> byMonth = new LinkedHashMap<>();
        view.rows().forEach(row -> byMonth.put(row.group(), row));
        List<ReviewRow> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(period.from); !m.isAfter(YearMonth.from(period.to)); m = m.plusMonths(1)) {
            months.add(byMonth.getOrDefault(m.toString(), new ReviewRow(m.toString(), 0, 0, 0, 0, 0, 0, 0, Map.of(), null, null, null)));
        }
        return months;
    }

    private static ObligationRow obligationRow(ReviewPeriod period, MultiValueMap<String, String> params, ReviewedObligationView behind) {
        String caseId = behind.caseId();
        Obligation o = behind.obligation();
        UriComponentsBuilder link = period.link("/review/cases/" + caseId).queryParam("by", period.by.name())
                .queryParam("group", params.getFirst("group"));
        for (String keep : List.of("status", "thenBy", "then")) {
            if (params.getFirst(keep) != null) {
                link.queryParam(keep, params.getFirst(keep));
            }
        }
        return new ObligationRow(caseId, link.build().encode().toUriString(), o.ruleId(),
                ReviewLabels.group(ReviewDimension.RIGHT, o.right()), o.obligation(), ReviewLabels.agency(o.owner().name()),
                ReviewLabels.pseudonym(o.victimId()), o.victimId() == null ? "" : o.enhanced() ? "Enhanced" : "Standard",
                when(o.clockStart()), when(o.deadline()),
                statusLabel(o.status()) + (o.waivedFor() == null ? "" : " (" + ReviewLabels.words(o.waivedFor().name()).toLowerCase(Locale.UK) + ")"),
                when(o.metAt()), ReviewLabels.borough(behind.borough()), behind.bcu() == null ? "–" : behind.bcu());
    }

    private static List<HistoryRow> history(CaseTimelineView timeline) {
        List<HistoryRow> rows = new ArrayList<>();
        for (TimelineEntryView entry : timeline.entries()) {
            List<String> details = new ArrayList<>();
            entry.details().forEach((field, value) -> details.add(field(field) + ": " + value(field, value)));
            rows.add(new HistoryRow(when(entry.occurredAt()), when(entry.recordedAt()), ReviewLabels.agency(entry.agency()),
                    sentence(entry.type()), details));
        }
        return rows;
    }

    /** {@code SuspectArrested} as "Suspect arrested". */
    private static String sentence(String type) {
        String words = type.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String field(String name) {
        return name.equals("victimId") ? "Victim" : sentence(name);
    }

    private static String value(String field, Object value) {
        if (field.equals("victimId") || field.equals("personId")) {
            return ReviewLabels.pseudonym(String.valueOf(value));
        }
        if ("[withheld]".equals(value)) {
            return "withheld (personal details)";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(v -> ReviewLabels.words(String.valueOf(v))).toList());
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        return value == null ? "none" : ReviewLabels.words(String.valueOf(value));
    }

    private static List<Map<String, Object>> attrition(PlanMeasuresView measures) {
        List<Map<String, Object>> rows = new ArrayList<>();
        measures.endedWithoutConviction().forEach((offence, endings) -> endings.forEach((how, count) ->
                rows.add(Map.of("offence", ReviewLabels.words(offence), "how", how, "count", count))));
        return rows;
    }

    private static StageRow stageRow(StageSatisfaction stage) {
        String name = ReviewLabels.words(stage.stage());
        if (stage.withheld()) {
            return new StageRow(name, "Fewer than the threshold " + WITHHELD, WITHHELD);
        }
        return new StageRow(name, String.valueOf(stage.ratings()),
                stage.shareRatedFourOrFive() == null ? "No ratings" : percent(stage.shareRatedFourOrFive()));
    }

    private static ReviewDimension dimension(String name) {
        try {
            return name == null || name.isBlank() ? null : ReviewDimension.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ObligationStatus status(String name) {
        try {
            return name == null || name.isBlank() ? null : ObligationStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String statusLabel(ObligationStatus status) {
        return switch (status) {
            case MET_ON_TIME -> "Met on time";
            case MET_LATE -> "Met late";
            case OVERDUE -> "Overdue";
            case OPEN -> "Open, not yet due";
            case WAIVED -> "Waived";
            case AWAITING_CLOCK -> "Waiting for the clock to start";
            case AWAITING_CONSENT -> "Waiting for the victim’s consent";
        };
    }

    static String percent(Double rate) {
        return rate == null ? "–" : Math.round(rate * 100) + "%";
    }

    private static String days(Duration duration) {
        return duration == null ? "–" : String.format(Locale.UK, "%.1f", duration.toMinutes() / 1440.0);
    }

    private static String when(Instant instant) {
        return instant == null ? "–" : WHEN.format(instant);
    }
}
