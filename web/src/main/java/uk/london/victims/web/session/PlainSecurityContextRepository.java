package uk.london.victims.web.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;

import reactor.core.publisher.Mono;

/**
 * Keeps who is signed in as plain strings in the session (see {@link SignedInCodec}), in place of Spring
 * Security's session repository, which stores the security context object itself. Like that one, saving
 * a sign-in gives the session a new id, so an id planted before sign-in is worthless.
 */
public final class PlainSecurityContextRepository implements ServerSecurityContextRepository {

    static final String ATTRIBUTE = "vjt.signedIn";
    private static final String KIND = "kind";

    private final List<SignedInCodec> codecs;

    public PlainSecurityContextRepository(List<SignedInCodec> codecs) {
        this.codecs = List.copyOf(codecs);
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return exchange.getSession().doOnNext(session -> {
            Authentication authentication = context == null ? null : context.getAuthentication();
            if (authentication == null) {
                session.getAttributes().remove(ATTRIBUTE);
                return;
            }
            session.getAttributes().put(ATTRIBUTE, plain(authentication));
        }).flatMap(WebSession::changeSessionId);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return exchange.getSession().flatMap(session -> {
            Object stored = session.getAttributes().get(ATTRIBUTE);
            if (!(stored instanceof Map<?, ?> map)) {
                return Mono.empty();
            }
            Map<String, String> plain = new HashMap<>();
            map.forEach((key, value) -> plain.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
            return Mono.justOrEmpty(codecs.stream().filter(codec -> codec.kind().equals(plain.get(KIND))).findFirst()
                    .map(codec -> (SecurityContext) new SecurityContextImpl(codec.read(plain))));
        });
    }

    private HashMap<String, String> plain(Authentication authentication) {
        for (SignedInCodec codec : codecs) {
            var written = codec.write(authentication);
            if (written.isPresent()) {
                HashMap<String, String> plain = new HashMap<>(written.get());
                plain.put(KIND, codec.kind());
                return plain;
            }
        }
        // A kind of sign-in without a plain form must fail loudly here, not end up serialized in the store.
        throw new IllegalStateException("No plain session form for " + authentication.getClass().getSimpleName());
    }
}
