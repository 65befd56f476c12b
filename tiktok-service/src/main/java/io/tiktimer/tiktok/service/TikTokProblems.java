package io.tiktimer.tiktok.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.tiktimer.servicekit.problem.Problems;

import java.util.List;

/**
 * The answers of this service a client must branch on, in service-kit's one problem shape plus a {@code code}. Only
 * the codes and sentences live here; status, title and layout come from {@link Problems}.
 */
public final class TikTokProblems {

    private TikTokProblems() {
    }

    public static HttpProblem accountNotFound() {
        return coded(404, "account_not_found", "No TikTok account with this id is connected to this user.");
    }

    public static HttpProblem reconnectRequired() {
        return coded(409, "reconnect_required",
                "TikTok no longer accepts this account's authorization; the user must connect it again.");
    }

    public static HttpProblem tiktokUnavailable() {
        return Problems.problem(503, "TikTok could not be reached or failed on its side. Try again shortly.")
                .with("code", "tiktok_unavailable").withHeader("Retry-After", 30).build();
    }

    public static HttpProblem rateLimited(long retryAfterSeconds) {
        return Problems.problem(429, "TikTok allows only a few creator_info queries per minute for an account.")
                .with("code", "rate_limited").withHeader("Retry-After", retryAfterSeconds).build();
    }

    public static HttpProblem missingScopes(String detail, List<String> missing) {
        return Problems.problem(400, detail).with("code", "missing_scopes").with("missing_scopes", missing).build();
    }

    public static HttpProblem coded(int status, String code, String detail) {
        return Problems.problem(status, detail).with("code", code).build();
    }
}
