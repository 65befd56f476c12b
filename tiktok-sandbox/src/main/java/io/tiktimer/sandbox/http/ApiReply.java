package io.tiktimer.sandbox.http;

import java.util.Map;

/** A Content Posting / Display API answer before it is wrapped in TikTok's data/error envelope. */
public record ApiReply(int status, Object data, String code, String message) {

    public static ApiReply ok(Object data) {
        return new ApiReply(200, data, "ok", "");
    }

    /** cancel answers with the error object alone. */
    public static ApiReply okWithoutData() {
        return new ApiReply(200, null, "ok", "");
    }

    public static ApiReply error(int status, String code, String message) {
        return new ApiReply(status, null, code, message);
    }

    public ApiReply withData(Object value) {
        return new ApiReply(status, value, code, message);
    }

    public boolean isOk() {
        return "ok".equals(code);
    }

    public String toEnvelope(String logIdField, String logId) {
        Map<String, Object> error = Json.object("code", code, "message", message, logIdField, logId);
        Object body = data == null && isOk() ? Json.object("error", error)
                : Json.object("data", data == null ? Map.of() : data, "error", error);
        return Json.write(body);
    }
}
