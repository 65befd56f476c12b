package io.tiktimer.auth.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Everything auth-service reads from configuration under {@code auth.*}; env vars are listed in README.md. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    Jwt jwt();

    Password password();

    Session session();

    Throttle throttle();

    Registration registration();

    Proxy proxy();

    /** Service clients by client id; a client without a configured secret is disabled. */
    Map<String, Client> clients();

    Housekeeping housekeeping();

    interface Housekeeping {
        /** How often expired refresh tokens, dead sessions and stale throttle counters are purged. */
        @WithDefault("1h")
        String interval();
    }

    interface Jwt {
        String issuer();

        String audience();

        @WithDefault("PT30M")
        Duration accessTokenLifetime();

        @WithDefault("PT5M")
        Duration serviceTokenLifetime();

        /** {@code kid} of the signing key; must differ from every retired key's kid. */
        String keyId();

        /** PKCS#8 (or PKCS#1) PEM of the RSA signing key, given inline… */
        Optional<String> privateKey();

        /** …or as a file path (e.g. a mounted secret). Exactly one of the two. */
        Optional<String> privateKeyFile();

        /**
         * Public keys (JWKS JSON) published and accepted without signing: the next key, published ahead of the switch
         * so every verifier's JWKS cache already holds it, and retired keys, kept until every token they signed has
         * expired.
         */
        Optional<String> verificationOnlyJwks();

        /** Dev mode only: sign with a key generated at start-up, so a fresh clone runs without key material. */
        @WithDefault("false")
        boolean generateEphemeralKey();
    }

    interface Password {
        @WithDefault("10")
        int minLength();

        @WithDefault("128")
        int maxLength();

        /** Argon2id memory in KiB; the default is OWASP's minimum recommendation (19 MiB, t=2, p=1). */
        @WithDefault("19456")
        int argon2MemoryKib();

        @WithDefault("2")
        int argon2Iterations();

        @WithDefault("1")
        int argon2Parallelism();
    }

    interface Session {
        @WithDefault("P7D")
        Duration refreshTokenLifetime();
    }

    interface Throttle {
        /** Failures are counted within this sliding window. */
        @WithDefault("PT15M")
        Duration window();

        /** Failures for one account from one address before that pair is refused. */
        @WithDefault("5")
        int accountAddressLimit();

        /** Failures from one address, across accounts (password spraying). */
        @WithDefault("20")
        int addressLimit();

        /**
         * Failures for one account from all addresses (distributed guessing). Higher than the pair limit so that one
         * attacker cannot lock the real user out from their own address.
         */
        @WithDefault("50")
        int accountLimit();

        /** First lock-out once a limit is reached; doubles with every further failure. */
        @WithDefault("PT30S")
        Duration initialLockout();

        @WithDefault("PT15M")
        Duration maxLockout();
    }

    /** Sign-ups per client address, counted in PostgreSQL like failed logins. */
    interface Registration {
        @WithDefault("PT1H")
        Duration window();

        /** Registration attempts (that passed validation) from one address within the window. */
        @WithDefault("10")
        int addressLimit();
    }

    /**
     * Where the client address comes from. Off: the TCP peer. On: X-Forwarded-For, but only when the peer is one of
     * {@code trustedProxies}, and then the right-most entry that is not itself a trusted proxy (an ALB appends the
     * address it saw to whatever the client sent, so the left-most entry is the client's choice).
     */
    interface Proxy {
        @WithDefault("false")
        boolean forwarding();

        /** IP addresses or CIDR ranges ({@code 10.0.0.0/16}) of the proxies in front: the gateway, the ALB subnets. */
        @WithDefault("127.0.0.1")
        java.util.List<String> trustedProxies();
    }

    interface Client {
        Optional<String> secret();
    }
}
