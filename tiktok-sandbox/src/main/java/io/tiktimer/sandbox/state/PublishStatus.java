package io.tiktimer.sandbox.state;

public enum PublishStatus {
    PROCESSING_UPLOAD,
    PROCESSING_DOWNLOAD,
    SEND_TO_USER_INBOX,
    PUBLISH_COMPLETE,
    FAILED;

    public boolean inProcessing() {
        return this == PROCESSING_UPLOAD || this == PROCESSING_DOWNLOAD;
    }
}
