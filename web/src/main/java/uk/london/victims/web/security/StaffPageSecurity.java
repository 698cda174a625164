package uk.london.victims.web.security;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import uk.london.victims.application.store.StoreProperties;
import uk.london.victims.web.session.PlainSecurityContextRepository;

/**
 * Staff pages ({@code /review/**}, {@code /staff/**}): signed in with a session, unlike the agency API.
 * <ul>
 * <li>In {@link DemoMode}, {@code POST /staff/sign-in} with a role signs in as a demo member of staff: a demo
 * token is minted and validated exactly as the API would, so the pages see the same {@link StaffMember}.</li>
 * <li>With an identity provider, OIDC sign-in ({@code oauth2Login}) when a client registration is configured
 * ({@code spring.security.oauth2.client.*}); its ID token carries the same claims as the API's tokens.</li>
 * </ul>
 * A session means CSRF matters, so it is on; pages are never cached ({@code no-store}); signing in issues a new
 * session id. Signed out, a page redirects to sign-in; signed in with the wrong role, a 403 page says so.
 */
@Configuration(proxyBeanMethods = false)
public class StaffPageSecurity {

    public static final String SIGN_IN = "/staff/sign-in";
    public static final String SIGN_OUT = "/staff/sign-out";
    /** Where Spring Security starts an OIDC sign-in for the registration named {@code staff}. */
    public static final String OIDC_SIGN_IN = "/oauth2/authorization/staff";

    @Bean
    @Order(4)
    SecurityWebFilterChain staffPageChain(ServerHttpSecurity http, ObjectProvider<DemoTokens> demoTokens,
                                          ObjectProvider<ReactiveClientRegistrationRepository> clients,
                                          ObjectProvider<ViewResolver> viewResolvers, StoreProperties store,
                                          PlainSecurityContextRepository sessions) {
        ServerAccessDeniedHandler forbidden = page(viewResolvers, store, "staff/forbidden");
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/review", "/review/**", "/staff", "/staff/**",
                        "/oauth2/authorization/**", "/login/oauth2/code/**"))
            .securityContextRepository(sessions)
            .authorizeExchange(exchanges -> exchanges
                    .pathMatchers(HttpMethod.GET, SIGN_IN).permitAll()
                    .pathMatchers("/review", "/review/**").hasRole(AgencyRole.COMMISSIONER.name())
                    .anyExchange().authenticated())
            .csrf(csrf -> csrf.accessDeniedHandler(page(viewResolvers, store, "staff/form-expired")))
            .headers(PageSecurity::pageHeaders)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .exceptionHandling(exceptions -> exceptions
                    .authenticationEntryPoint(new RedirectServerAuthenticationEntryPoint(SIGN_IN))
                    .accessDeniedHandler(forbidden))
            .logout(logout -> logout.logoutUrl(SIGN_OUT)
                    .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                            new WebSessionServerLogoutHandler()))
                    .logoutSuccessHandler(redirect(SIGN_IN + "?signed-out")));
        DemoTokens demo = demoTokens.getIfAvailable();
        if (demo != null) {
            http.addFilterAt(demoSignIn(demo, sessions), SecurityWebFiltersOrder.AUTHENTICATION);
        }
        if (clients.getIfAvailable() != null) {
            http.oauth2Login(login -> login.securityContextRepository(sessions)
                    .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/review"))
                    .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(SIGN_IN + "?error")));
        }
        return http.build();
    }

    /** Maps the identity provider's claims to the roles the pages check; oauth2Login finds it by type. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> staffOidcUsers() {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        return request -> delegate.loadUser(request).map(StaffOidcUser::new);
    }

    /**
     * The role picked on the demo sign-in form becomes a demo token, checked by the demo decoder like any
     * bearer token: a tampered form can pick any role, which is what demo mode offers anyway.
     */
    private static AuthenticationWebFilter demoSignIn(DemoTokens demo, PlainSecurityContextRepository sessions) {
        ReactiveAuthenticationManager alreadyChecked = Mono::just;
        AuthenticationWebFilter filter = new AuthenticationWebFilter(alreadyChecked);
        filter.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, SIGN_IN));
        filter.setServerAuthenticationConverter(exchange -> exchange.getFormData().flatMap(form -> {
            AgencyRole role = roleNamed(form.getFirst("role"));
            if (role == null) {
                return Mono.error(new BadCredentialsException("no role chosen"));
            }
            String name = "Demo " + role.name().toLowerCase(Locale.UK).replace('_', ' ');
            String token = demo.sign(demo.claims(role, "DEMO-" + role.name(), DemoTokenController.defaultUnit(role),
                    role == AgencyRole.POLICE_OFFICER ? "AW" : null, name));
            return demo.decoder().decode(token).map(jwt -> new StaffAuthentication(jwt, StaffMember.of(jwt)));
        }));
        // Saving the signed-in context to the session also gives the session a new id (no session fixation).
        filter.setSecurityContextRepository(sessions);
        filter.setAuthenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/review"));
        filter.setAuthenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(SIGN_IN + "?error"));
        return filter;
    }

    private static AgencyRole roleNamed(String name) {
        for (AgencyRole role : AgencyRole.values()) {
            if (role.name().equals(name)) {
                return role;
            }
        }
        return null;
    }

    private static RedirectServerLogoutSuccessHandler redirect(String location) {
        RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
        handler.setLogoutSuccessUrl(URI.create(location));
        return handler;
    }

    /** A refusal as a 403 page in the service's layout, not the API's JSON problem. */
    private static ServerAccessDeniedHandler page(ObjectProvider<ViewResolver> viewResolvers, StoreProperties store, String view) {
        return (exchange, denied) -> {
            exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
            Map<String, Object> model = new HashMap<>();
            model.put("demoBanner", store.embedded());
            model.put("navigation", java.util.List.of());
            return csrfToken(exchange).doOnNext(token -> model.put("_csrf", token)).then(
                    reactor.core.publisher.Flux.fromStream(viewResolvers.orderedStream())
                            .concatMap(resolver -> resolver.resolveViewName(view, Locale.UK)).next()
                            .flatMap(resolved -> resolved.render(model, MediaType.TEXT_HTML, exchange)));
        };
    }

    private static Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
