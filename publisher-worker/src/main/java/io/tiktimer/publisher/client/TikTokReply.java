package io.tiktimer.publisher.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * What became of one call to TikTok's JSON API. The distinction between {@link NotSent} and {@link Unknown} is what
 * makes "never init twice" enforceable: only a call that provably never reached TikTok, or that TikTok answered with a
 * refusal, may be repeated.
 */
public sealed interface TikTokReply {

    /** TikTok answered. Success if and only if {@code code} is {@code ok}, whatever the HTTP status (§5.1, §5.3). */
    record Answered(int httpStatus, String code, String message, String logId, JsonNode data) implements TikTokReply {
        public boolean ok() {
            return "ok".equals(code);
        }

        public JsonNode dataOrMissing() {
            return data == null ? MissingNode.getInstance() : data;
        }
    }

    /** The connection was never established: TikTok cannot have seen the request. */
    record NotSent(String reason) implements TikTokReply {
    }

    /** The request may have reached TikTok, but no usable answer came back (timeout, dropped connection, garbage). */
    record Unknown(String reason) implements TikTokReply {
    }
}
