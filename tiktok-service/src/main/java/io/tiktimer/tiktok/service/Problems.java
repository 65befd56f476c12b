package io.tiktimer.tiktok.service;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** The problem+json answers this service gives, so titles and extension codes stay consistent. */
public final class Problems {

    private Problems() {
    }

    public static HttpProblem accountNotFound() {
        return HttpProblem.builder().withStatus(Response.Status.NOT_FOUND).withTitle("TikTok account not found")
                .withDetail("No TikTok account with this id is connected to this user.").with("code", "account_not_found")
                .build();
    }

    public static HttpProblem reconnectRequired() {
        return HttpProblem.builder().withStatus(Response.Status.CONFLICT).withTitle("TikTok account needs reconnecting")
                .withDetail("TikTok no longer accepts this account's authorization; the user must connect it again.")
                .with("code", "reconnect_required").build();
    }

    public static HttpProblem tiktokUnavailable() {
        return HttpProblem.builder().withStatus(Response.Status.SERVICE_UNAVAILABLE).withTitle("TikTok unavailable")
                .withDetail("TikTok could not be reached or failed on its side. Try again shortly.")
                .with("code", "tiktok_unavailable").withHeader("Retry-After", 30).build();
    }

    public static HttpProblem rateLimited(long retryAfterSeconds) {
        return HttpProblem.builder().withStatus(Response.Status.TOO_MANY_REQUESTS).withTitle("Too many requests")
                .withDetail("TikTok allows only a few creator_info queries per minute for an account.")
                .with("code", "rate_limited").withHeader("Retry-After", retryAfterSeconds).build();
    }

    public static HttpProblem badRequest(String code, String title, String detail) {
        return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle(title).withDetail(detail)
                .with("code", code).build();
    }

    public static HttpProblem of(int status, String code, String title, String detail) {
        return HttpProblem.builder().withStatus(status).withTitle(title).withDetail(detail).with("code", code).build();
    }
}
