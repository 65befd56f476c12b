package io.tiktimer.sandbox.state;

import java.time.Instant;
import java.util.Set;

public record AuthorizationCode(String code, String clientKey, String redirectUri, String openId, Set<String> scopes, Instant expiresAt) {
}
