package io.tiktimer.post.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the few Matroska/WebM elements TikTok's limits are about (duration, resolution, frame rate, codec) from the
 * head of a WebM file. Hand-written because no maintained Java EBML/Matroska reader is published on Maven Central;
 * it descends only into Segment, Info, Tracks, TrackEntry and Video and skips everything else by size.
 */
final class EbmlReader {

    private static final long SEGMENT = 0x18538067L;
    private static final long INFO = 0x1549A966L;
    private static final long TIMECODE_SCALE = 0x2AD7B1L;
    private static final long DURATION = 0x4489L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAEL;
    private static final long TRACK_TYPE = 0x83L;
    private static final long CODEC_ID = 0x86L;
    private static final long DEFAULT_DURATION = 0x23E383L;
    private static final long VIDEO = 0xE0L;
    private static final long PIXEL_WIDTH = 0xB0L;
    private static final long PIXEL_HEIGHT = 0xBAL;
    private static final long CLUSTER = 0x1F43B675L;

    record WebmInfo(Double durationSeconds, Integer width, Integer height, Double fps, String codec, boolean hasVideo) {
    }

    private final ByteBuffer buf;
    private long timecodeScale = 1_000_000L;
    private Double durationTicks;
    private Integer width;
    private Integer height;
    private Double fps;
    private String codec;
    private boolean hasVideo;

    private EbmlReader(byte[] bytes) {
        this.buf = ByteBuffer.wrap(bytes);
    }

    static WebmInfo read(byte[] bytes) {
        try {
            EbmlReader r = new EbmlReader(bytes);
            r.walk(bytes.length, 0);
            Double seconds = r.durationTicks == null ? null : r.durationTicks * r.timecodeScale / 1e9;
            return new WebmInfo(seconds, r.width, r.height, r.fps, r.codec, r.hasVideo);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void walk(long end, int depth) {
        while (buf.position() < end && buf.remaining() > 1 && depth < 8) {
            long id = readVint(true);
            long size = readVint(false);
            long dataEnd = size < 0 ? end : Math.min(end, buf.position() + size);
            if (id == SEGMENT || id == INFO || id == TRACKS || id == VIDEO) {
                walk(dataEnd, depth + 1);
            } else if (id == TRACK_ENTRY) {
                String before = codec;
                boolean videoBefore = hasVideo;
                trackType = 0;
                walk(dataEnd, depth + 1);
                if (trackType != 1) {
                    // an audio track's codec and default duration are not the video's
                    codec = before;
                    hasVideo = videoBefore;
                } else {
                    hasVideo = true;
                }
            } else if (id == CLUSTER) {
                return; // media data starts: everything we need came before it
            } else {
                int len = (int) (dataEnd - buf.position());
                if (id == TIMECODE_SCALE) {
                    timecodeScale = readUnsigned(len);
                } else if (id == DURATION) {
                    durationTicks = len == 4 ? (double) buf.getFloat() : buf.getDouble();
                } else if (id == TRACK_TYPE) {
                    trackType = (int) readUnsigned(len);
                } else if (id == CODEC_ID) {
                    byte[] s = new byte[len];
                    buf.get(s);
                    codec = new String(s, StandardCharsets.US_ASCII).trim();
                } else if (id == DEFAULT_DURATION) {
                    long nanosPerFrame = readUnsigned(len);
                    if (nanosPerFrame > 0) {
                        fps = 1e9 / nanosPerFrame;
                    }
                } else if (id == PIXEL_WIDTH) {
                    width = (int) readUnsigned(len);
                } else if (id == PIXEL_HEIGHT) {
                    height = (int) readUnsigned(len);
                }
            }
            buf.position((int) dataEnd);
        }
    }

    private int trackType;

    private long readUnsigned(int len) {
        long v = 0;
        for (int i = 0; i < len; i++) {
            v = (v << 8) | (buf.get() & 0xff);
        }
        return v;
    }

    /** An EBML variable-length integer; IDs keep their marker bit. Returns -1 for an unknown size (all ones). */
    private long readVint(boolean keepMarker) {
        int first = buf.get() & 0xff;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (length < 1 || length > 8) {
            throw new IllegalStateException("bad vint");
        }
        long value = keepMarker ? first : first & (0xff >> length);
        boolean allOnes = value == (0xff >> length);
        for (int i = 1; i < length; i++) {
            int b = buf.get() & 0xff;
            allOnes &= b == 0xff;
            value = (value << 8) | b;
        }
        return !keepMarker && allOnes ? -1 : value;
    }
}
