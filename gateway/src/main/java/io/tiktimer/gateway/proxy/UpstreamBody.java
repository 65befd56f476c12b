package io.tiktimer.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * The client's request body on its way to the service, counted as it streams (nothing is buffered): once more than
 * {@code limit} bytes arrived, the stream fails with {@link TooLarge} and the proxy gives up on the service. Also
 * reports the end of the body, which is when the service's time to answer starts. Vert.x offers a body limit only in
 * BodyHandler, which buffers the whole body, so this is written here.
 */
final class UpstreamBody implements ReadStream<Buffer> {

    /** The failure of a body that exceeded its limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable onTooLarge;
    private final Runnable onEnd;
    private Handler<Throwable> exceptionHandler;
    private long received;
    private boolean failed;

    UpstreamBody(ReadStream<Buffer> source, long limit, Runnable onTooLarge, Runnable onEnd) {
        this.source = source;
        this.limit = limit;
        this.onTooLarge = onTooLarge;
        this.onEnd = onEnd;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (failed) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                failed = true;
                onTooLarge.run();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> handler) {
        if (handler == null) {
            source.endHandler(null);
            return this;
        }
        source.endHandler(end -> {
            if (failed) {
                return;
            }
            onEnd.run();
            handler.handle(end);
        });
        return this;
    }
}
