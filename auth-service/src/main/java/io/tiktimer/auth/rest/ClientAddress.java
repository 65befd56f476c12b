package io.tiktimer.auth.rest;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address for throttling. Behind the gateway this is only the real client when Quarkus is told to trust
 * the proxy's forwarding headers ({@code AUTH_PROXY_FORWARDING}, {@code AUTH_TRUSTED_PROXIES}); otherwise it is the
 * TCP peer and forwarding headers are ignored, so a client cannot pick its own address.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }
}
