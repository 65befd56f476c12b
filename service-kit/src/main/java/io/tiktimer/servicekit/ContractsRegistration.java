package io.tiktimer.servicekit;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The {@code contracts} events and enums, which every service reads or writes with Jackson by reflection: registered
 * once here for the native image of every service that depends on this library (its {@code beans.xml} puts it in
 * Quarkus' index). Each service's own {@code config/NativeRegistration} names only its own records. The build's
 * {@code NativeRegistrationTest} (module {@code deploy}) fails when an event is added to {@code contracts} without
 * being listed here.
 */
@RegisterForReflection(classNames = {
        "io.tiktimer.contracts.AccountStatus",
        "io.tiktimer.contracts.EventTypes$Descriptor",
        "io.tiktimer.contracts.MediaRef",
        "io.tiktimer.contracts.MediaType",
        "io.tiktimer.contracts.PostDue",
        "io.tiktimer.contracts.PostFailed",
        "io.tiktimer.contracts.PostMode",
        "io.tiktimer.contracts.PostPublished",
        "io.tiktimer.contracts.PostPublishing",
        "io.tiktimer.contracts.PublishOutcome",
        "io.tiktimer.contracts.SessionsRevoked",
        "io.tiktimer.contracts.TikTokAccountChanged",
        "io.tiktimer.contracts.UserDeleted"
})
public final class ContractsRegistration {

    private ContractsRegistration() {
    }
}
