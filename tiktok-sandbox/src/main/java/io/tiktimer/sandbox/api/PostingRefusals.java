package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.http.ApiRefusal;
import io.tiktimer.sandbox.state.SandboxState;

/** The 403-class refusals of the init endpoints, which some peers receive with HTTP 200 instead. */
final class PostingRefusals {
    private final SandboxState state;

    PostingRefusals(SandboxState state) {
        this.state = state;
    }

    ApiRefusal refuse(String code, String message) {
        return new ApiRefusal(state.config().postingRefusalsWithHttp200() ? 200 : 403, code, message);
    }
}
