package uk.london.victims.web.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

/**
 * The proxies whose forwarded headers are believed ({@code VJT_TRUSTED_PROXIES}): addresses or CIDR ranges,
 * comma-separated, such as {@code 10.0.0.0/8}. Empty (the default): no forwarded header is believed, and
 * each client is known by the address it connects from (ADR 0019).
 *
 * @param trustedProxies the proxies in front of the service
 */
@ConfigurationProperties("vjt.proxy")
public record TrustedProxies(@DefaultValue List<String> trustedProxies) {

    public TrustedProxies {
        trustedProxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        // A malformed range is refused at start-up rather than at the first request.
        trustedProxies.forEach(TrustedProxies::rule);
    }

    /** Netty's own subnet matching (IPv4 and IPv6), already on the class path with the server. */
    private static IpSubnetFilterRule rule(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress literal = literal(address);
        if (literal == null) {
            throw new IllegalArgumentException("VJT_TRUSTED_PROXIES: not an address or CIDR range: " + proxy);
        }
        int bits = literal.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(proxy.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("VJT_TRUSTED_PROXIES: prefix out of range in " + proxy);
        }
        return new IpSubnetFilterRule(literal, prefix, IpFilterRuleType.ACCEPT);
    }

    boolean isEmpty() {
        return trustedProxies.isEmpty();
    }

    boolean trusts(InetSocketAddress address) {
        return address != null && address.getAddress() != null && trusts(address.getAddress());
    }

    boolean trusts(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(proxy -> rule(proxy).matches(socket));
    }

    /**
     * The client behind a chain of proxies: walking {@code X-Forwarded-For} from the right (the entry the
     * nearest proxy added), the first address that is not a trusted proxy. Entries further left were
     * written by that client, or by proxies it chose, and prove nothing.
     *
     * @return null when the header names no usable address
     */
    InetAddress clientFrom(List<String> forwardedFor) {
        List<String> hops = forwardedFor.stream().flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip).filter(hop -> !hop.isEmpty()).toList();
        InetAddress client = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // Not an address (e.g. "unknown", or a forged name): stop before trusting anything left of it.
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Only a numeric address: a name would mean a DNS lookup per request, and is never what a proxy sends. */
    private static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.contains("]") ? text.substring(1, text.indexOf(']')) : text;
        if (bare.chars().filter(c -> c == ':').count() == 1) {
            bare = bare.substring(0, bare.indexOf(':')); // IPv4 with a port
        }
        boolean numeric = bare.matches("[0-9.]+") && bare.chars().filter(c -> c == '.').count() == 3
                          || bare.matches("[0-9a-fA-F:.]+") && bare.contains(":");
        if (!numeric) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }
}
