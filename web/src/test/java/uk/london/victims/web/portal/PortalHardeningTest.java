package uk.london.victims.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The portal findings of the attack on the service (issue 12): an erased victim's open sessions end at
 * once (item 6), "Exit this page" ends the session (item 10), and a form body over 64 KB answers 413 in
 * the portal's design, before sign-in and after (item 7).
 */
class PortalHardeningTest extends PortalJourneys {

    private static final String OVER_64_KB = "x".repeat(70 * 1024);

    private void erase(String personId) {
        String admin = (String) http.post().uri("/demo/tokens").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "ADMIN")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("token");
        http.post().uri("/api/people/{id}/erasure", personId).header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .exchange().expectStatus().isNoContent();
    }

    @Test
    void anErasedVictimsOpenSessionsEndAtOnce() {
        Journey journey = journey("Hardening Person One");
        PortalClient phone = signedIn(journey);
        assertThat(phone.get("/track").getStatus()).isEqualTo(HttpStatus.OK);

        erase(journey.victimId());

        EntityExchangeResult<String> after = phone.get("/track");
        assertThat(after.getStatus()).isIn(HttpStatus.SEE_OTHER, HttpStatus.FOUND);
        assertThat(after.getResponseHeaders().getLocation()).hasToString("/track/sign-in");
        assertThat(after.getResponseBody()).isNull();
    }

    @Test
    void exitThisPageEndsTheSessionAndLeavesForTheNeutralSite() {
        Journey journey = journey("Hardening Person Two");
        PortalClient phone = signedIn(journey);
        assertThat(phone.get("/track").getResponseBody()).contains("href=\"" + QuickExitController.PATH + "\"");
        String session = phone.session;

        EntityExchangeResult<String> exit = phone.get(QuickExitController.PATH);
        assertThat(exit.getStatus()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(exit.getResponseHeaders().getLocation()).hasToString(NEUTRAL_SITE);
        assertThat(exit.getResponseHeaders().getFirst("Clear-Site-Data")).contains("\"cookies\"", "\"cache\"");

        // Whoever picks up the device and replays the old cookie gets nothing.
        phone.session = session;
        EntityExchangeResult<String> replayed = phone.get("/track");
        assertThat(replayed.getStatus()).isIn(HttpStatus.SEE_OTHER, HttpStatus.FOUND);
        assertThat(replayed.getResponseHeaders().getLocation()).hasToString("/track/sign-in");
    }

    @Test
    void aFormOver64KbIsRefusedWith413InThePortalsOwnDesignBeforeAndAfterSignIn() {
        PortalClient stranger = new PortalClient(http);
        EntityExchangeResult<String> before = stranger.post(PortalSecurity.SIGN_IN, Map.of("reference", OVER_64_KB));
        assertTooLargePage(before);

        Journey journey = journey("Hardening Person Three");
        PortalClient victim = signedIn(journey);
        EntityExchangeResult<String> after = victim.post("/track/message", Map.of("agency", "POLICE", "message", OVER_64_KB));
        assertTooLargePage(after);
        assertThat(after.getResponseBody()).contains("Exit this page");
    }

    private static void assertTooLargePage(EntityExchangeResult<String> result) {
        assertThat(result.getStatus()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(result.getResponseHeaders().getContentType()).isNotNull();
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(result.getResponseBody()).contains("govuk-template", "What you sent is too long", "Nothing was saved")
                .doesNotContain("Exception", "at org.", "at uk.");
        assertThat(result.getResponseHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponseHeaders().getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void noStaffViewShowsASignInCodeAndReadingNoticesIsAudited() {
        Journey journey = journey("Hardening Person Four");
        PortalClient victim = new PortalClient(http);
        String code = codeFor(victim, journey.reference(), journey.victimId());

        // Any role could read the victim's code here, and sign in as them.
        String notices = police.get().uri("/api/cases/{id}/notifications", journey.caseId()).header("X-Purpose", "a failed text?")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(notices).contains("SIGN_IN_CODE", "[sign-in code withheld]").doesNotContain(code);
        assertThat(database.getCollection(uk.london.victims.application.audit.AuditLog.COLLECTION).countDocuments(
                com.mongodb.client.model.Filters.and(com.mongodb.client.model.Filters.eq("action", "read-notifications"),
                        com.mongodb.client.model.Filters.eq("subject", "case/" + journey.caseId()),
                        com.mongodb.client.model.Filters.eq("purpose", "a failed text?")))).isEqualTo(1);

        // The demo (and only the demo) reads its codes from the local outbox through its own route.
        String demo = http.get().uri("/demo/sign-in-codes?caseId={id}", journey.caseId()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(demo).contains(code);
    }
}
