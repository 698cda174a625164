package uk.london.victims.web.security;

import org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest;
import org.springframework.boot.autoconfigure.security.reactive.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import reactor.core.publisher.Mono;

/**
 * One filter chain per kind of caller, first match wins:
 * <ol>
 * <li>{@code /api/**}, the agency API: bearer JWT required on every request; which role may do what is
 * said on each controller method with {@code @PreAuthorize};</li>
 * <li>the landing page, static resources, health and {@code POST /demo/tokens}: public;</li>
 * <li>everything else: denied, until it has a chain of its own (the victim portal will).</li>
 * </ol>
 * Nothing keeps a session: each request stands on its own token, so CSRF protection has nothing to
 * protect and is off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class SecurityConfiguration {

    private static String[] writers() {
        return java.util.Arrays.stream(AgencyRole.values()).filter(role -> role != AgencyRole.COMMISSIONER)
                               .map(Enum::name).toArray(String[]::new);
    }

    /**
     * Spring Security otherwise times every filter of the chain and every authorization decision as a Micrometer
     * observation: a tenth of a case GET's CPU, for meters nobody reads (http.server.requests still times each
     * request). ADR 0033.
     */
    @Bean
    static SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Picked up by Spring Security's filter chain proxy, which otherwise answers a refused request with no body. */
    @Bean
    ServerExchangeRejectedHandler problemForRejectedRequests() {
        return ProblemResponses.rejected();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain agencyApiChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return stateless(http)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**"))
                // Coarse rules here, before a request body is even read; each method then names its own roles.
                // The Commissioner reviews and never writes; only the Commissioner reads the review.
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/review/**", "/api/review").hasRole(AgencyRole.COMMISSIONER.name())
                        .pathMatchers(HttpMethod.POST, "/api/**").hasAnyRole(writers())
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenConverter(new BearerTokenHeader())
                        .jwt(jwt -> jwt.jwtDecoder(decoder)
                                       .jwtAuthenticationConverter(token -> Mono.just(
                                               new StaffAuthentication(token, StaffMember.of(token)))))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                // Also catches a controller's @PreAuthorize refusal, which would otherwise be a 500.
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemResponses.unauthenticated())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .build();
    }

    /**
     * {@code /demo/tokens} is open even when demo mode is off: its controller then does not exist, and the
     * caller gets an honest 404 rather than a 403 that suggests it is there.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain publicChain(ServerHttpSecurity http) {
        return stateless(http)
                .securityMatcher(new OrServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/", "/accessibility", "/privacy",
                                "/v3/api-docs", "/v3/api-docs.yaml"),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/assets/**", "/govuk/**", "/static/**"),
                        PathRequest.toStaticResources().atCommonLocations(),
                        EndpointRequest.to("health"),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, DemoTokenController.PATH),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, DemoSignInCodesController.PATH),
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/demo/my-code")))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                // Static files set their own caching (PageResources); pages about nobody may be cached too.
                .headers(headers -> PageSecurity.pageHeaders(headers).cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .build();
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain denyEverythingElse(ServerHttpSecurity http) {
        return stateless(http)
                .authorizeExchange(exchanges -> exchanges.anyExchange().denyAll())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemResponses.notServedEntryPoint())
                        .accessDeniedHandler(ProblemResponses.notServedHandler()))
                .build();
    }

    /** No session, no saved request, no login page, form or basic authentication, no CSRF token. */
    private static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                   .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                   .csrf(ServerHttpSecurity.CsrfSpec::disable)
                   .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                   .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                   .logout(ServerHttpSecurity.LogoutSpec::disable);
    }
}
