package io.tiktimer.sandbox.http;

@FunctionalInterface
public interface ApiOperation {
    ApiReply handle(ApiCall call);
}
