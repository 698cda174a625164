package uk.london.victims.web.security;

import java.util.Collection;
import java.util.List;

import org.springframework.boot.actuate.autoconfigure.security.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

import reactor.core.publisher.Mono;

/**
 * {@code /actuator/prometheus} for the platform team only (ADR 0030): a bearer token from the same identity
 * provider whose {@code roles} claim holds {@value #ROLE}. That role is no {@link AgencyRole}: it opens the
 * metrics and nothing else, and no agency role opens the metrics.
 */
@Configuration(proxyBeanMethods = false)
class OperationsSecurity {

    /** The role a scraper's token carries. */
    static final String ROLE = "OPERATIONS";

    @Bean
    @Order(0)
    SecurityWebFilterChain operationsChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder) {
        return http.securityMatcher(EndpointRequest.to("prometheus"))
                   .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                   .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                   .csrf(ServerHttpSecurity.CsrfSpec::disable)
                   .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                   .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                   .logout(ServerHttpSecurity.LogoutSpec::disable)
                   .authorizeExchange(exchanges -> exchanges.anyExchange().hasRole(ROLE))
                   .oauth2ResourceServer(server -> server
                           .bearerTokenConverter(new BearerTokenHeader())
                           .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(token -> Mono.just(
                                   new JwtAuthenticationToken(token, operations(token.getClaim(StaffMember.ROLES_CLAIM))))))
                           .authenticationEntryPoint(ProblemResponses.unauthenticated())
                           .accessDeniedHandler(ProblemResponses.forbidden()))
                   .exceptionHandling(exceptions -> exceptions
                           .authenticationEntryPoint(ProblemResponses.unauthenticated())
                           .accessDeniedHandler(ProblemResponses.forbidden()))
                   .build();
    }

    private static List<SimpleGrantedAuthority> operations(Object roles) {
        boolean operations = roles instanceof Collection<?> names && names.contains(ROLE);
        return operations ? List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)) : List.of();
    }
}
