package uk.london.victims.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import com.mongodb.client.MongoDatabase;

import uk.london.victims.projections.review.ReviewDimension;
import uk.london.victims.web.review.ReviewLabels;

/** The review pages over HTTP: who may see them, that they say what the JSON says, and that drilling down is audited. */
@AutoConfigureWebTestClient
class ReviewPagesTest extends PagesOnEmbeddedStore {

    /** 1 to 31 May 2024 in London, as the form says it and as the API takes it. */
    static final String MAY = "from-day=1&from-month=5&from-year=2024&to-day=31&to-month=5&to-year=2024";
    static final String MAY_FROM = "2024-04-30T23:00:00Z";
    static final String MAY_TO = "2024-05-31T23:00:00Z";

    @Autowired
    WebTestClient http;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoDatabase database;

    @BeforeEach
    void recorded() {
        ReviewJourneys.ensureRecorded(http, commands);
    }

    @Test
    void signedOutIsSentToSignInAndNothingIsShown() {
        for (String path : List.of("/review", "/review/charts", "/review/plan-measures", "/review/cases/" + ReviewJourneys.mayCase)) {
            http.get().uri(path).exchange().expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/staff/sign-in");
        }
    }

    @Test
    void signingInGivesANewSessionIdAndSigningOutEndsIt() {
        StaffSession before = StaffSession.fresh(http);
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        assertThat(commissioner.cookie()).isNotEqualTo(before.cookie());
        commissioner.get(http, "/review").exchange().expectStatus().isOk();

        http.post().uri("/staff/sign-out").cookie("SESSION", commissioner.cookie())
            .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData("_csrf", commissioner.csrf()))
            .exchange().expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/staff/sign-in?signed-out");
        commissioner.get(http, "/review").exchange().expectStatus().isFound();
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefusedWithAPage() {
        StaffSession session = StaffSession.fresh(http);
        http.post().uri("/staff/sign-in").cookie("SESSION", session.cookie()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("role", "COMMISSIONER")).exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).value(html -> assertThat(html).contains("Your form has expired"));
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        http.post().uri("/staff/sign-out").cookie("SESSION", commissioner.cookie()).exchange().expectStatus().isForbidden();
        commissioner.get(http, "/review").exchange().expectStatus().isOk();
    }

    @Test
    void noRoleButTheCommissionersSeesTheReview() {
        for (String role : List.of("POLICE_OFFICER", "CPS", "WITNESS_CARE", "ADMIN")) {
            StaffSession other = StaffSession.signIn(http, role);
            for (String path : List.of("/review", "/review/charts", "/review/plan-measures",
                    "/review/obligations?" + MAY + "&group=R2", "/review/cases/" + ReviewJourneys.mayCase)) {
                other.get(http, path).exchange().expectStatus().isForbidden()
                     .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                     .expectBody(String.class).value(html -> assertThat(html)
                             .contains("You cannot see this page").doesNotContain(ReviewJourneys.VICTIM_NAME));
            }
        }
    }

    @Test
    void aSignInWithoutARoleSaysWhatToDo() {
        StaffSession session = StaffSession.fresh(http);
        http.post().uri("/staff/sign-in").cookie("SESSION", session.cookie()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("_csrf", session.csrf()).with("role", "SUPERUSER")).exchange()
            .expectStatus().isFound().expectHeader().valueEquals(HttpHeaders.LOCATION, "/staff/sign-in?error");
        http.get().uri("/staff/sign-in?error").exchange().expectBody(String.class).value(html -> assertThat(html)
                .contains("govuk-error-summary", "Select the role you want to sign in as", "<title>Error: Sign in"));
    }

    @Test
    void reviewPagesAreNeverStoredAndForbidInlineScript() {
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        commissioner.get(http, "/review?" + MAY).exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"))
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("script-src 'self'")
                        .doesNotContain("unsafe-inline"))
                .expectBody(String.class).value(html -> assertThat(html).doesNotContain("style=\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFiguresAreTheJsonEndpointsFiguresWithSmallCountsMarked() {
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        String html = commissioner.get(http, "/review?" + MAY + "&by=RIGHT").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Map<String, Object> json = asCommissioner().get().uri(b -> b.path("/api/review").queryParam("from", MAY_FROM)
                        .queryParam("to", MAY_TO).queryParam("groupBy", "RIGHT").build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
        // The Code's own limits only: R2's 24 hours, R3 and R5 are local service standards, counted apart.
        assertThat(rows).extracting(row -> row.get("group")).contains("R4").doesNotContain("R2", "R3", "R5");
        List<Element> pageRows = Jsoup.parse(html).select("table tbody tr");
        assertThat(pageRows).hasSameSizeAs(rows);
        for (Map<String, Object> row : rows) {
            Element pageRow = pageRows.stream().filter(r -> r.selectFirst("th").text()
                    .equals(ReviewLabels.group(ReviewDimension.RIGHT, (String) row.get("group")))).findFirst().orElseThrow();
            List<String> cells = pageRow.select("td").eachText().stream().map(text -> text.split(" \\[c]")[0]).toList();
            assertThat(cells.subList(0, 6)).as("row %s", row.get("group")).containsExactly(
                    String.valueOf(row.get("opened")), String.valueOf(row.get("metOnTime")), String.valueOf(row.get("metLate")),
                    String.valueOf(row.get("overdue")), String.valueOf(row.get("open")), String.valueOf(row.get("waived")));
            Double rate = row.get("onTimeRate") == null ? null : ((Number) row.get("onTimeRate")).doubleValue();
            assertThat(cells.get(6)).isEqualTo(ReviewPages.percent(rate));
            // One case: every group is under the threshold, so the export withholds all of it and the page says so.
            assertThat(pageRow.select("td").first().text()).contains("[c] withheld from publication");
        }
    }

    @Test
    void theCsvLinkGivesTheApisPublishableExportToTheSignedInBrowser() {
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        String html = commissioner.get(http, "/review?" + MAY + "&by=BOROUGH").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        String href = Jsoup.parse(html).selectFirst("a[href^=/review/export.csv]").attr("href");

        String fromPage = commissioner.get(http, href).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        String fromApi = asCommissioner().get().uri(b -> b.path("/api/review/export.csv").queryParam("from", MAY_FROM)
                        .queryParam("to", MAY_TO).queryParam("groupBy", "BOROUGH").build())
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        // The first line says when "now" was, a moment apart; every figure is the same, Sutton's withheld.
        assertThat(fromPage.lines().skip(1).toList()).isEqualTo(fromApi.lines().skip(1).toList())
                .contains("\"SUTTON\",\"Sutton\",[c],[c],[c],[c],[c],[c],[c],[c],[c],[c],[c]");
        http.get().uri(href).exchange().expectStatus().isFound();
    }

    @Test
    void drillingDownToObligationsAndACaseIsAuditedAndShowsNoNames() {
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        String html = commissioner.get(http, "/review?" + MAY + "&by=BOROUGH").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        Element opened = Jsoup.parse(html).select("table tbody tr").stream()
                .filter(r -> r.selectFirst("th").text().equals("Sutton")).findFirst().orElseThrow().selectFirst("td a");
        long drillDowns = audited("review-drill-down");

        String list = commissioner.get(http, opened.attr("href")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(audited("review-drill-down")).isEqualTo(drillDowns + 1);
        assertThat(audit("review-drill-down").getString("who")).isEqualTo("DEMO-COMMISSIONER");
        Element caseLink = Jsoup.parse(list).selectFirst("a[href^=/review/cases/" + ReviewJourneys.mayCase + "]");
        assertThat(caseLink).isNotNull();
        assertThat(list).doesNotContain(ReviewJourneys.VICTIM_NAME).containsPattern("Victim [0-9A-F]{6}");
        long reads = audited("read-timeline");

        String history = commissioner.get(http, caseLink.attr("href")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(audited("read-timeline")).isEqualTo(reads + 1);
        assertThat(audit("read-timeline").getString("subject")).isEqualTo("case/" + ReviewJourneys.mayCase);
        assertThat(history).contains("Crime recorded", "withheld (personal details)").doesNotContain(ReviewJourneys.VICTIM_NAME);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCrossTabIsTheApisTwoWayBreakdownAndEachCellDrillsDownToItsObligationsWithTheirPlace() {
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        String html = commissioner.get(http, "/review/cross-tab?" + MAY).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Map<String, Object> json = asCommissioner().get().uri(b -> b.path("/api/review").queryParam("from", MAY_FROM)
                        .queryParam("to", MAY_TO).queryParam("groupBy", "AGENCY").queryParam("thenBy", "RIGHT").build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> police = ((Map<String, List<Map<String, Object>>>) json.get("breakdown")).get("POLICE");
        assertThat(police).isNotEmpty();

        var page = Jsoup.parse(html);
        List<String> columns = page.select("table thead th").eachText();
        Element policeRow = page.select("table tbody tr").stream().filter(r -> r.selectFirst("th").text().equals("Police"))
                .findFirst().orElseThrow();
        for (Map<String, Object> right : police) {
            long due = ((Number) right.get("metOnTime")).longValue() + ((Number) right.get("metLate")).longValue()
                       + ((Number) right.get("overdue")).longValue();
            String label = ReviewLabels.group(ReviewDimension.RIGHT, (String) right.get("group"));
            Element cell = policeRow.select("td").get(columns.indexOf(label) - 1);
            assertThat(cell.text()).as(label).contains(due == 0 ? right.get("opened") + " not yet due"
                    : right.get("metOnTime") + " of " + due + " on time");
            // One case: every cell is under the threshold, marked as the export would withhold it.
            assertThat(cell.hasClass("app-crosstab__small")).isTrue();
        }
        // Rights in the Code's order, named; agencies by name.
        List<String> rights = columns.subList(1, columns.size() - 1);
        assertThat(rights).allMatch(c -> c.matches("Right \\d+: .+"))
                .isSortedAccordingTo(java.util.Comparator.comparingInt(c -> Integer.parseInt(c.replaceAll("Right (\\d+):.*", "$1"))));

        String firstRight = (String) police.get(0).get("group");
        String href = policeRow.select("td").get(columns.indexOf(ReviewLabels.group(ReviewDimension.RIGHT, firstRight)) - 1)
                .selectFirst("a").attr("href");
        assertThat(href).contains("by=AGENCY", "group=POLICE", "thenBy=RIGHT", "then=" + firstRight);
        var list = Jsoup.parse(commissioner.get(http, href).exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
        List<Element> obligations = list.select("table tbody tr");
        assertThat(obligations).hasSize((int) ((Number) police.get(0).get("opened")).longValue()).allSatisfy(row -> {
            assertThat(row.select("td").get(1).text()).startsWith(ReviewLabels.group(ReviewDimension.RIGHT, firstRight));
            assertThat(row.select("td").get(2).text()).isEqualTo("Police");
            assertThat(row.select("td").get(4).text()).isEqualTo("Sutton");
            assertThat(row.select("td").get(5).text()).isEqualTo("South Area");
        });
        assertThat(list.selectFirst(".govuk-back-link").attr("href")).startsWith("/review/cross-tab");

        // Another area: nothing of Sutton's case in Hackney.
        commissioner.get(http, "/review/cross-tab?" + MAY + "&borough=HACKNEY").exchange().expectStatus().isOk()
                .expectBody(String.class).value(other -> assertThat(other).contains("No obligation’s clock started in this period and area"));
        commissioner.get(http, "/review/cross-tab?" + MAY + "&bcu=NOWHERE").exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(bad -> assertThat(bad).contains("Select a Basic Command Unit from the list", "href=\"#bcu\""));
    }

    @Test
    void badDatesGetAnErrorSummaryNotAnError() {
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        commissioner.get(http, "/review?from-day=31&from-month=2&from-year=2024&to-day=1&to-month=1&to-year=2024&by=NOPE")
                .exchange().expectStatus().isBadRequest()
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("There is a problem", "The start of the period must be a real date",
                                "Select what to break the figures down by", "href=\"#from-day\"", "<title>Error: ")
                        .doesNotContain("Exception", "uk.london"));
        commissioner.get(http, "/review?from-day=1&from-month=5&from-year=2024&to-day=1&to-month=4&to-year=2024")
                .exchange().expectStatus().isBadRequest().expectBody(String.class).value(html -> assertThat(html)
                        .contains("The end of the period must be the same as or after the start"));
        commissioner.get(http, "/review/cases/no-such-case").exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(html -> assertThat(html).contains("Page not found"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTrendGroupsByTheLondonMonthTheClockStarted() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) asCommissioner().get().uri(b -> b.path("/api/review")
                        .queryParam("from", MAY_FROM).queryParam("to", "2024-06-30T23:00:00Z").queryParam("groupBy", "MONTH")
                        // The June case has only a report so far: its one clock (R2's 24 hours) is a local standard.
                        .queryParam("basis", "ALL").build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("rows");
        // The June case was reported at 23:30 UTC on 31 May: 00:30 on 1 June in London.
        assertThat(rows).extracting(row -> row.get("group")).containsExactly("2024-05", "2024-06");
        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        String charts = commissioner.get(http, "/review/charts?from-day=1&from-month=5&from-year=2024&to-day=30&to-month=6&to-year=2024")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        var svgs = Jsoup.parse(charts).select("svg[role=img]");
        assertThat(svgs).hasSize(4).allSatisfy(svg -> {
            assertThat(svg.selectFirst("title").text()).isNotBlank();
            assertThat(svg.selectFirst("desc").text()).isNotBlank();
        });
        assertThat(svgs.get(0).selectFirst("title").text()).isEqualTo("On-time rate by agency");
        assertThat(svgs.get(3).select("text").eachText()).contains("May 2024", "June 2024");
        assertThat(Jsoup.parse(charts).select("details table")).hasSize(4);
    }

    @Test
    @SuppressWarnings("unchecked")
    void satisfactionByStageCountsEachVictimsLatestRatingAndWithholdsSmallCounts() {
        Map<String, Object> measures = asCommissioner().get().uri(b -> b.path("/api/review/plan-measures")
                        .queryParam("from", "2024-05-31T23:00:00Z").queryParam("to", "2024-06-30T23:00:00Z").build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> stages = (List<Map<String, Object>>) measures.get("satisfactionByStage");
        assertThat(stages).extracting(s -> s.get("stage")).containsExactly("REPORTING", "INVESTIGATION", "CHARGING_DECISION",
                "COURT", "AFTER_SENTENCE", "RESTORATIVE_JUSTICE");
        // Six victims; the one who first gave 1 later gave 5: 5 of 6 rated it 4 or 5.
        assertThat(stages.get(0)).containsEntry("ratings", 6).containsEntry("withheld", false);
        assertThat((Double) stages.get(0).get("shareRatedFourOrFive")).isEqualTo(5.0 / 6);
        assertThat(stages.get(3)).containsEntry("ratings", null).containsEntry("shareRatedFourOrFive", null).containsEntry("withheld", true);
        assertThat(stages.get(1)).containsEntry("ratings", 0).containsEntry("withheld", false);

        StaffSession commissioner = StaffSession.signIn(http, "COMMISSIONER");
        String html = commissioner.get(http, "/review/plan-measures?from-day=1&from-month=6&from-year=2024&to-day=30&to-month=6&to-year=2024")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<Element> rows = Jsoup.parse(html).select("#satisfaction tbody tr");
        assertThat(rows.get(0).text()).isEqualTo("Reporting 6 83%");
        assertThat(rows.get(3).text()).startsWith("Court").contains("[c]");
    }

    private WebTestClient asCommissioner() {
        String token = (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "COMMISSIONER")).exchange().expectBody(Map.class).returnResult().getResponseBody().get("token");
        return http.mutate().defaultHeaders(h -> h.setBearerAuth(token)).build();
    }

    private long audited(String action) {
        return database.getCollection("audit_log").countDocuments(new Document("action", action));
    }

    private Document audit(String action) {
        return database.getCollection("audit_log").find(new Document("action", action)).sort(new Document("at", -1)).first();
    }
}
