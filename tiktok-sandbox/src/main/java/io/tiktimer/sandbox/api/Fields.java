package io.tiktimer.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tiktimer.sandbox.http.ApiCall;

/** Strict reading of request JSON: a wrong type is TikTok's invalid_params, never a silent default. */
final class Fields {
    private Fields() {
    }

    static JsonNode object(ApiCall call, JsonNode parent, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw call.invalidParams(name + " is required.");
            }
            return null;
        }
        if (!node.isObject()) {
            throw call.invalidParams(name + " must be an object.");
        }
        return node;
    }

    static String text(ApiCall call, JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw call.invalidParams(name + " must be a string.");
        }
        return node.asText();
    }

    static Long integer(ApiCall call, JsonNode parent, String name) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw call.invalidParams(name + " must be an integer.");
        }
        return node.asLong();
    }

    static void optionalBooleans(ApiCall call, JsonNode parent, String... names) {
        if (parent == null) {
            return;
        }
        for (String name : names) {
            JsonNode node = parent.get(name);
            if (node != null && !node.isNull() && !node.isBoolean()) {
                throw call.invalidParams(name + " must be a boolean.");
            }
        }
    }
}
