package io.tiktimer.devstack.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Structurally valid MP4 files (ISO BMFF: {@code ftyp}, {@code moov} with one H.264 video track, {@code mdat}) of any
 * size, duration, resolution and frame rate, generated on the fly so tests need no binary fixtures and never hold a
 * large video in memory. The media payload is a deterministic byte pattern, not decodable pictures: enough for every
 * check TikTimer and the TikTok sandbox make (container, duration, resolution, frame rate, size, checksum).
 */
public final class TestVideos {

    private TestVideos() {
    }

    /** A video description; {@link #size()} is the exact length of the file {@link #stream()} produces. */
    public record Mp4(long size, double durationSeconds, int width, int height, int framesPerSecond) {

        public Mp4 {
            if (width <= 0 || height <= 0 || framesPerSecond <= 0 || durationSeconds <= 0) {
                throw new IllegalArgumentException("dimensions, frame rate and duration must be positive");
            }
        }

        /** The whole file as a stream, produced lazily. */
        public InputStream stream() {
            byte[] header = header(this);
            if (header.length + 8 > size) {
                throw new IllegalArgumentException("An MP4 with these properties needs at least "
                        + (header.length + 8) + " bytes");
            }
            return new Mp4Stream(header, size);
        }

        /** Writes the whole file. */
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = stream()) {
                in.transferTo(out);
            }
        }

        /** The whole file in memory; only for small videos. */
        public byte[] bytes() {
            try (InputStream in = stream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A 1080×1920 portrait video at 30 fps, the shape TikTok recommends. */
    public static Mp4 mp4(long size, double durationSeconds) {
        return new Mp4(size, durationSeconds, 1080, 1920, 30);
    }

    private static final int TIMESCALE = 1000;

    private static byte[] header(Mp4 video) {
        int frames = Math.max(1, (int) Math.round(video.durationSeconds() * video.framesPerSecond()));
        long durationUnits = Math.round(video.durationSeconds() * TIMESCALE);
        // Offsets depend on the header's own length; it does not depend on the offset value, so build twice.
        byte[] draft = buildHeader(video, frames, durationUnits, 0);
        return buildHeader(video, frames, durationUnits, draft.length + 8);
    }

    private static byte[] buildHeader(Mp4 video, int frames, long durationUnits, long mdatPayloadOffset) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        write(file, box("ftyp", concat(ascii("isom"), u32(512), ascii("isom"), ascii("iso2"), ascii("avc1"),
                ascii("mp41"))));
        long payload = video.size() - mdatPayloadOffset;
        long perFrame = Math.max(1, payload / frames);
        long sampleDelta = Math.max(1, durationUnits / frames);

        byte[] mvhd = fullBox("mvhd", 0, concat(u32(0), u32(0), u32(TIMESCALE), u32(durationUnits),
                u32(0x00010000), u16(0x0100), new byte[10], matrix(), new byte[24], u32(2)));
        byte[] tkhd = fullBox("tkhd", 3, concat(u32(0), u32(0), u32(1), u32(0), u32(durationUnits), new byte[8],
                u16(0), u16(0), u16(0), u16(0), matrix(), u32((long) video.width() << 16),
                u32((long) video.height() << 16)));
        byte[] mdhd = fullBox("mdhd", 0, concat(u32(0), u32(0), u32(TIMESCALE), u32(durationUnits), u16(0x55c4),
                u16(0)));
        byte[] hdlr = fullBox("hdlr", 0, concat(u32(0), ascii("vide"), new byte[12], ascii("VideoHandler"),
                new byte[]{0}));
        byte[] vmhd = fullBox("vmhd", 1, concat(u16(0), new byte[6]));
        byte[] dref = fullBox("dref", 0, concat(u32(1), fullBox("url ", 1, new byte[0])));
        byte[] avc1 = box("avc1", concat(new byte[6], u16(1), new byte[16], u16(video.width()), u16(video.height()),
                u32(0x00480000), u32(0x00480000), u32(0), u16(1), new byte[32], u16(0x0018), u16(0xffff),
                box("avcC", new byte[]{1, 0x64, 0, 0x28, (byte) 0xff, (byte) 0xe0, 0})));
        byte[] stsd = fullBox("stsd", 0, concat(u32(1), avc1));
        byte[] stts = fullBox("stts", 0, concat(u32(1), u32(frames), u32(sampleDelta)));
        byte[] stsc = fullBox("stsc", 0, concat(u32(1), u32(1), u32(frames), u32(1)));
        ByteArrayOutputStream sizes = new ByteArrayOutputStream();
        for (int i = 0; i < frames; i++) {
            long sampleSize = i == frames - 1 ? payload - perFrame * (frames - 1) : perFrame;
            write(sizes, u32(sampleSize));
        }
        byte[] stsz = fullBox("stsz", 0, concat(u32(0), u32(frames), sizes.toByteArray()));
        byte[] stco = fullBox("stco", 0, concat(u32(1), u32(mdatPayloadOffset)));
        byte[] stbl = box("stbl", concat(stsd, stts, stsc, stsz, stco));
        byte[] minf = box("minf", concat(vmhd, box("dinf", dref), stbl));
        byte[] mdia = box("mdia", concat(mdhd, hdlr, minf));
        byte[] trak = box("trak", concat(tkhd, mdia));
        write(file, box("moov", concat(mvhd, trak)));
        return file.toByteArray();
    }

    private static byte[] matrix() {
        return concat(u32(0x00010000), u32(0), u32(0), u32(0), u32(0x00010000), u32(0), u32(0), u32(0),
                u32(0x40000000));
    }

    private static byte[] box(String type, byte[] content) {
        return concat(u32(8L + content.length), ascii(type), content);
    }

    private static byte[] fullBox(String type, int flags, byte[] content) {
        return box(type, concat(u32(flags & 0xffffff), content));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] u32(long value) {
        return new byte[]{(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] u16(int value) {
        return new byte[]{(byte) (value >>> 8), (byte) value};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            write(out, part);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

    /** Header, then the {@code mdat} box header, then pattern bytes up to the requested size. */
    private static final class Mp4Stream extends InputStream {
        private final byte[] prefix;
        private final long size;
        private long position;

        Mp4Stream(byte[] header, long size) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, header);
            long mdatSize = size - header.length;
            try {
                new DataOutputStream(out).writeInt((int) Math.min(mdatSize, 0xffffffffL));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            write(out, ascii("mdat"));
            this.prefix = out.toByteArray();
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                long at = position + i;
                buffer[offset + i] = at < prefix.length ? prefix[(int) at] : (byte) (at * 131 % 251);
            }
            position += n;
            return n;
        }
    }
}
