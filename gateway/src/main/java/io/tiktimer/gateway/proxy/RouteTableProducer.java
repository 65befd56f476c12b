package io.tiktimer.gateway.proxy;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

public class RouteTableProducer {

    @Produces
    @Singleton
    RouteTable routeTable() {
        return RouteTable.fromClasspath();
    }
}
