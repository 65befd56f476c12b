package io.tiktimer.sandbox.api;

import io.tiktimer.sandbox.state.Publication;

record VideoSource(Publication.Source kind, long videoSize, long chunkSize, long totalChunkCount, String url) {

    static VideoSource pull(String url) {
        return new VideoSource(Publication.Source.PULL_FROM_URL, 0, 0, 0, url);
    }

    static VideoSource file(long videoSize, long chunkSize, long totalChunkCount) {
        return new VideoSource(Publication.Source.FILE_UPLOAD, videoSize, chunkSize, totalChunkCount, null);
    }
}
