package io.tiktimer.sandbox.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The upload task behind one upload_url. Bytes are hashed as they stream in and are never held in memory; a chunk
 * only counts once its last byte arrived, so a chunk cut off mid-way leaves the progress where it was.
 */
public final class UploadSession {
    private static final int SNIFF_BYTES = 16;

    private final String uploadId;
    private final String uploadToken;
    private final Publication publication;
    private final long videoSize;
    private final long chunkSize;
    private final long totalChunks;
    private final Instant expiresAt;
    private final Path storedFile;

    private MessageDigest committedDigest = newDigest();
    private MessageDigest chunkDigest;
    private FileChannel channel;
    private long committedBytes;
    private int committedChunks;
    private long chunkReceived;
    private boolean chunkInFlight;
    private final byte[] head = new byte[SNIFF_BYTES];
    private int headLength;
    private String contentType;

    public UploadSession(String uploadId, String uploadToken, Publication publication, long videoSize, long chunkSize,
            long totalChunks, Instant expiresAt, Path storedFile) {
        this.uploadId = uploadId;
        this.uploadToken = uploadToken;
        this.publication = publication;
        this.videoSize = videoSize;
        this.chunkSize = chunkSize;
        this.totalChunks = totalChunks;
        this.expiresAt = expiresAt;
        this.storedFile = storedFile;
    }

    public String uploadId() {
        return uploadId;
    }

    public String uploadToken() {
        return uploadToken;
    }

    public Publication publication() {
        return publication;
    }

    public long videoSize() {
        return videoSize;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public synchronized long committedBytes() {
        return committedBytes;
    }

    public synchronized int committedChunks() {
        return committedChunks;
    }

    public synchronized boolean complete() {
        return committedBytes == videoSize;
    }

    /** The inclusive last byte the chunk starting at the current progress must end on, per the init's chunk plan. */
    public synchronized long expectedLastByte() {
        boolean lastChunk = committedChunks + 1 >= totalChunks;
        return lastChunk ? videoSize - 1 : committedBytes + chunkSize - 1;
    }

    public synchronized boolean beginChunk(String contentType) {
        if (chunkInFlight) {
            return false;
        }
        chunkInFlight = true;
        chunkReceived = 0;
        this.contentType = contentType;
        try {
            chunkDigest = (MessageDigest) committedDigest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable in every JDK", e);
        }
        return true;
    }

    public synchronized void receive(byte[] bytes) {
        if (!chunkInFlight) {
            return;
        }
        chunkDigest.update(bytes);
        long position = committedBytes + chunkReceived;
        if (position < SNIFF_BYTES) {
            int n = (int) Math.min(SNIFF_BYTES - position, bytes.length);
            System.arraycopy(bytes, 0, head, (int) position, n);
            headLength = Math.max(headLength, (int) position + n);
        }
        if (storedFile != null) {
            write(bytes, position);
        }
        chunkReceived += bytes.length;
    }

    public synchronized long chunkReceived() {
        return chunkReceived;
    }

    public synchronized void commitChunk() {
        committedDigest = chunkDigest;
        committedBytes += chunkReceived;
        committedChunks++;
        chunkInFlight = false;
        publication.uploadProgress(committedBytes);
        if (complete()) {
            closeChannel();
        }
    }

    public synchronized void abandonChunk() {
        chunkInFlight = false;
        chunkDigest = null;
        if (headLength > committedBytes) {
            headLength = (int) Math.min(committedBytes, SNIFF_BYTES);
        }
    }

    public synchronized String sha256Hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) committedDigest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized byte[] head() {
        byte[] copy = new byte[headLength];
        System.arraycopy(head, 0, copy, 0, headLength);
        return copy;
    }

    public synchronized String contentType() {
        return contentType;
    }

    public Optional<Path> storedFile() {
        return Optional.ofNullable(storedFile);
    }

    private void write(byte[] bytes, long position) {
        try {
            if (channel == null) {
                channel = FileChannel.open(storedFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.truncate(videoSize);
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            channel = null;
        }
    }

    public synchronized void discardStoredBytes() {
        closeChannel();
        if (storedFile != null) {
            try {
                Files.deleteIfExists(storedFile);
            } catch (IOException ignored) {
                // best effort: the directory is a temp directory anyway
            }
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
