package io.tiktimer.auth.rest;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.tiktimer.auth.config.AuthConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's address, the key of login and sign-up throttling, so a client must never be able to choose it.
 *
 * <p>Without forwarding it is the TCP peer. With forwarding, {@code X-Forwarded-For} counts only when the peer is a
 * trusted proxy, and then it is read from the right: each trusted proxy appends the address it received the request
 * from, so the right-most entry that is not a trusted proxy is the client as our own proxies saw it; everything left
 * of it was sent by the client. (Quarkus' {@code quarkus.http.proxy.*} takes the left-most entry, which behind an AWS
 * ALB, appending by default, is whatever the client wrote; so it is switched off and this is done here.)
 */
@ApplicationScoped
public class ClientAddresses {

    private final boolean forwarding;
    private final List<IpSubnetFilterRule> trustedProxies = new ArrayList<>();

    public ClientAddresses(AuthConfig config) {
        this.forwarding = config.proxy().forwarding();
        for (String proxy : config.proxy().trustedProxies()) {
            trustedProxies.add(rule(proxy.trim()));
        }
    }

    public String of(HttpServerRequest request) {
        InetAddress peer = peer(request.remoteAddress());
        if (peer == null) {
            return "unknown";
        }
        if (!forwarding || !trusted(peer)) {
            return NetUtil.toAddressString(peer);
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.headers().getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(withoutPort(hops.get(i)));
            if (hop == null) {
                break; // not an address a proxy of ours wrote: the last one we trust is as far as we can see
            }
            client = hop;
            if (!trusted(hop)) {
                break;
            }
        }
        return NetUtil.toAddressString(client);
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(rule -> rule.matches(socket));
    }

    private static InetAddress peer(SocketAddress address) {
        if (address == null) {
            return null;
        }
        return literal(address.hostAddress() != null ? address.hostAddress() : address.host());
    }

    /** An IP literal, never a DNS lookup; null for anything else. */
    private static InetAddress literal(String text) {
        byte[] bytes = text == null ? null : NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** {@code 203.0.113.7:4711} and {@code [2001:db8::1]:4711} as an ALB with client ports writes them. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }

    private static IpSubnetFilterRule rule(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress literal = literal(address);
        if (literal == null) {
            throw new IllegalArgumentException("auth.proxy.trusted-proxies: not an IP address or CIDR range: " + proxy);
        }
        int bits = literal.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(proxy.substring(slash + 1));
        return new IpSubnetFilterRule(literal, prefix, IpFilterRuleType.ACCEPT);
    }
}
