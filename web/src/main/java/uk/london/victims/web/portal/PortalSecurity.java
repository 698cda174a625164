package uk.london.victims.web.portal;

import java.net.URI;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import uk.london.victims.web.security.PageSecurity;
import uk.london.victims.web.session.PlainSecurityContextRepository;

/**
 * The victim portal's own chain: a session cookie after sign-in, CSRF on every form, no caching of any
 * page, the strict page headers, and a check on every request that the person has not signed out
 * everywhere since (a session on another device or instance ends at its next request).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
class PortalSecurity {

    static final String SIGN_IN = "/track/sign-in";

    @Bean
    @Order(3)
    SecurityWebFilterChain portalChain(ServerHttpSecurity http, PortalSignIn signIn, PlainSecurityContextRepository sessions) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/track", "/track/**"))
                   .securityContextRepository(sessions)
                   .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                   .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                   .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                   .logout(ServerHttpSecurity.LogoutSpec::disable)
                   .authorizeExchange(exchanges -> exchanges
                           .pathMatchers(SIGN_IN, "/track/code", "/track/signed-out", QuickExitController.PATH).permitAll()
                           .anyExchange().hasAuthority(PortalAuthentication.AUTHORITY))
                   .exceptionHandling(exceptions -> exceptions
                           .authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN)))
                   .headers(PageSecurity::pageHeaders)
                   .addFilterBefore(endedSessions(signIn), SecurityWebFiltersOrder.AUTHORIZATION)
                   .build();
    }

    private static WebFilter endedSessions(PortalSignIn signIn) {
        return (exchange, chain) -> ReactiveSecurityContextHolder.getContext()
                .filter(context -> context.getAuthentication() instanceof PortalAuthentication)
                .map(context -> ((PortalAuthentication) context.getAuthentication()).getPrincipal())
                .flatMap(identity -> Mono.fromCallable(() -> signIn.stillValid(identity)).subscribeOn(Schedulers.boundedElastic()))
                .defaultIfEmpty(true)
                .flatMap(valid -> {
                    if (valid) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                    exchange.getResponse().getHeaders().setLocation(URI.create(SIGN_IN));
                    return exchange.getSession().flatMap(WebSession::invalidate).then(exchange.getResponse().setComplete());
                });
    }
}
