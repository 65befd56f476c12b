package io.tiktimer.gateway.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The route table is read from YAML by Jackson, by reflection; a native image knows only what is named here. */
@RegisterForReflection(classNames = {
        "io.tiktimer.gateway.proxy.Route",
        "io.tiktimer.gateway.proxy.RouteTable$File"
})
public final class NativeRegistration {

    private NativeRegistration() {
    }
}
