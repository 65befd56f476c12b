package io.tiktimer.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tiktimer.sandbox.state.AccessToken;
import io.vertx.ext.web.RoutingContext;

/** One authenticated API request as an endpoint sees it. */
public final class ApiCall {
    private final RoutingContext ctx;
    private final AccessToken token;
    private final String invalidParamsCode;
    private JsonNode body;

    public ApiCall(RoutingContext ctx, AccessToken token, String invalidParamsCode) {
        this.ctx = ctx;
        this.token = token;
        this.invalidParamsCode = invalidParamsCode;
    }

    public AccessToken token() {
        return token;
    }

    public String clientKey() {
        return token.authorization().clientKey();
    }

    public String openId() {
        return token.authorization().openId();
    }

    public boolean hasScope(String scope) {
        return token.authorization().scopes().contains(scope);
    }

    public String query(String name) {
        return ctx.request().getParam(name);
    }

    /** An absent body reads as {} because creator_info is documented without one and peers send {}. */
    public JsonNode body() {
        if (body == null) {
            String text = ctx.body() == null ? null : ctx.body().asString();
            if (text == null || text.isBlank()) {
                body = JsonNodeFactory.instance.objectNode();
            } else {
                try {
                    body = Json.read(text);
                } catch (Exception e) {
                    throw invalidParams("The request body is not valid JSON.");
                }
                if (!body.isObject()) {
                    throw invalidParams("The request body must be a JSON object.");
                }
            }
        }
        return body;
    }

    public ApiRefusal invalidParams(String message) {
        return new ApiRefusal(400, invalidParamsCode, message);
    }
}
