package uk.london.victims.web.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's limits. Defaults follow NCSC guidance for one-time codes: short-lived, single use, few
 * guesses.
 *
 * @param codeLifetime          how long a code works
 * @param liveCodes             codes for one reference that work at once (older ones stop)
 * @param sendsPerHour          codes sent for one reference in an hour: stops anyone flooding a victim's phone
 * @param demoSendsPerHour      the same for the eight demo references, in demo mode only, where the person
 *                              trying the portal out signs in again and again and the code goes to a local outbox
 * @param clientAttempts        sign-in requests one client may make per {@code clientWindow}, else 429
 * @param clientWindow          the window for {@code clientAttempts}
 * @param failuresBeforeLock    wrong codes one client may try for one reference before it is locked out of it
 * @param lockout               how long that lock lasts; it is never extended by attempts made during it
 * @param wrongCodesPerReference tries at a reference's codes, from all clients together, after which those
 *                              codes are void and a fresh one (sent only to the victim) is needed
 * @param idleTimeout           a session ends after this long unused
 * @param sessionLifetime       and after this long in any case
 */
@ConfigurationProperties("vjt.portal")
public record PortalProperties(@DefaultValue("10m") Duration codeLifetime,
                               @DefaultValue("3") int liveCodes,
                               @DefaultValue("5") int sendsPerHour,
                               @DefaultValue("60") int demoSendsPerHour,
                               @DefaultValue("20") int clientAttempts,
                               @DefaultValue("10m") Duration clientWindow,
                               @DefaultValue("5") int failuresBeforeLock,
                               @DefaultValue("15m") Duration lockout,
                               @DefaultValue("10") int wrongCodesPerReference,
                               @DefaultValue("15m") Duration idleTimeout,
                               @DefaultValue("2h") Duration sessionLifetime) {
}
