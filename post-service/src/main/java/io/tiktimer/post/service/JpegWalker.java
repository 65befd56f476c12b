package io.tiktimer.post.service;

/**
 * Walks a JPEG's marker segments as the bytes stream past, in constant memory, and tells whether they form a real
 * image: SOI, segments with consistent lengths, a frame header (SOF) with a size and 1 to 4 components, at least one
 * scan (SOS) and its entropy-coded data, and EOI. {@code FF D8 FF} followed by anything else is refused, which the
 * magic-byte check alone let through.
 *
 * <p>Hand-written rather than ImageIO: ImageIO's JPEG reader needs the JDK's AWT native libraries, which a GraalVM
 * native image (how the services ship) only has with the quarkus-awt extension, and reading the header is all the
 * check needs.
 */
final class JpegWalker {

    private enum State { SOI, MARKER_FF, MARKER_CODE, LENGTH_HI, LENGTH_LO, SEGMENT, SCAN, SCAN_FF, DONE, BROKEN }

    private State state = State.SOI;
    private int soiSeen;
    private int marker;
    private int length;
    private int remaining;
    /** The frame header's bytes after its length: precision, height (2), width (2), component count. */
    private final byte[] frame = new byte[6];
    private int frameRead;
    private boolean inFrame;
    private boolean sawFrame;
    private boolean sawScan;
    private int width;
    private int height;

    void update(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count && state != State.DONE && state != State.BROKEN; i++) {
            step(bytes[i] & 0xff);
        }
    }

    private void step(int b) {
        switch (state) {
            case SOI -> {
                if (b != (soiSeen == 0 ? 0xFF : 0xD8)) {
                    state = State.BROKEN;
                } else if (++soiSeen == 2) {
                    state = State.MARKER_FF;
                }
            }
            case MARKER_FF -> state = b == 0xFF ? State.MARKER_CODE : State.BROKEN;
            case MARKER_CODE -> marker(b);
            case LENGTH_HI -> {
                length = b << 8;
                state = State.LENGTH_LO;
            }
            case LENGTH_LO -> {
                length |= b;
                remaining = length - 2;
                inFrame = isFrame(marker);
                frameRead = 0;
                if (length < 2 || (inFrame && length < 8)) {
                    state = State.BROKEN;
                } else {
                    state = remaining == 0 ? afterSegment() : State.SEGMENT;
                }
            }
            case SEGMENT -> {
                if (inFrame && frameRead < frame.length) {
                    frame[frameRead++] = (byte) b;
                    if (frameRead == frame.length && !frameValid()) {
                        state = State.BROKEN;
                        return;
                    }
                }
                if (--remaining == 0) {
                    state = afterSegment();
                }
            }
            case SCAN -> {
                if (b == 0xFF) {
                    state = State.SCAN_FF;
                }
            }
            case SCAN_FF -> {
                if (b == 0x00 || (b >= 0xD0 && b <= 0xD7)) {
                    state = State.SCAN; // a stuffed FF or a restart marker: still entropy-coded data
                } else if (b != 0xFF) {
                    marker(b); // the scan ended; a marker follows (EOI, or tables and another scan)
                }
            }
            default -> {
            }
        }
    }

    private void marker(int code) {
        marker = code;
        if (code == 0xFF) {
            state = State.MARKER_CODE; // fill bytes before a marker are allowed
        } else if (code == 0xD9) {
            state = sawFrame && sawScan ? State.DONE : State.BROKEN;
        } else if (code == 0x00 || code == 0x01 || (code >= 0xD0 && code <= 0xD8) || (isFrame(code) && sawFrame)) {
            state = State.BROKEN; // not a segment here, or a second frame header
        } else {
            state = State.LENGTH_HI;
        }
    }

    private State afterSegment() {
        if (inFrame) {
            sawFrame = true;
        }
        if (marker == 0xDA) {
            if (!sawFrame) {
                return State.BROKEN;
            }
            sawScan = true;
            return State.SCAN;
        }
        return State.MARKER_FF;
    }

    private boolean frameValid() {
        int precision = frame[0] & 0xff;
        height = ((frame[1] & 0xff) << 8) | (frame[2] & 0xff);
        width = ((frame[3] & 0xff) << 8) | (frame[4] & 0xff);
        int components = frame[5] & 0xff;
        return (precision == 8 || precision == 12 || precision == 16) && width > 0 && height > 0
                && components >= 1 && components <= 4 && length == 8 + 3 * components;
    }

    /** SOF0..SOF15 without DHT (C4), JPG (C8) and DAC (CC). */
    private static boolean isFrame(int code) {
        return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
    }

    /** True once the image ended (EOI) after a valid frame and scan; bytes after EOI are ignored, as decoders do. */
    boolean complete() {
        return state == State.DONE;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
