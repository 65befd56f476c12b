package io.tiktimer.tiktok.service;

/**
 * What asking for an account's access token can end in. A result rather than an exception, because the
 * "reconnect required" transition must commit while the caller still gets a refusal.
 */
public sealed interface TokenOutcome {

    record Granted(AccessGrant grant) implements TokenOutcome {
    }

    /** No such account, or not the caller's. */
    record NotFound() implements TokenOutcome {
    }

    /** TikTok refused the grant (invalid_grant, revoked, expired refresh token): the user must connect again. */
    record ReconnectRequired() implements TokenOutcome {
    }

    /** A refresh was needed and TikTok could not be reached or failed on its side; the account stays connected. */
    record Unavailable(String reason) implements TokenOutcome {
    }
}
