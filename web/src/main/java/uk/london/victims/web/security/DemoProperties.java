package uk.london.victims.web.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Demo mode ({@code VJT_DEMO}): demo tokens at {@code POST /demo/tokens} and the demo role picker on the
 * staff sign-in page, for trying the service on one machine.
 *
 * @param enabled true or false to decide; unset (the default) means on only when the embedded store is
 *                used and no identity provider is configured. The container image sets it to false.
 */
@ConfigurationProperties("vjt.demo")
public record DemoProperties(Boolean enabled) {
}
