package io.tiktimer.post.service;

import io.tiktimer.contracts.MediaType;
import org.mp4parser.IsoFile;
import org.mp4parser.PropertyBoxParserImpl;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.iso14496.part12.SampleSizeBox;
import org.mp4parser.boxes.iso14496.part12.SampleTableBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.tools.ByteBufferByteChannel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Inspects an upload while it streams past, once, in bounded memory: hashes every byte (SHA-256), detects the
 * container from magic bytes and keeps only the few bytes that describe the media.
 * <ul>
 *     <li>MP4/MOV: a top-level box walker keeps the {@code moov} box (wherever it is: before or after {@code mdat}),
 *     which isoparser then reads. isoparser cannot itself be fed a stream without copying {@code mdat} to a temp file,
 *     hence the hand-written walk over the top-level box headers (size + type) only.</li>
 *     <li>WebM: the first {@value #WEBM_HEAD_LIMIT} bytes hold the EBML header, Info and Tracks in every muxer we know
 *     of; {@link EbmlReader} reads duration, resolution, frame rate and codec from them. No maintained Java
 *     Matroska reader is published on Maven Central, so this one reads just those elements.</li>
 *     <li>JPEG: {@link JpegWalker} follows the marker segments to the end and reads the frame size; WebP: the RIFF
 *     header must describe the file and its first chunk be a VP8/VP8L/VP8X bitstream, whose size is read. A file
 *     that only starts like an image is refused ({@code invalid_image}).</li>
 * </ul>
 * Not thread-safe: one instance per upload.
 */
public final class MediaInspector {

    static final int HEAD_LIMIT = 64;
    static final int WEBM_HEAD_LIMIT = 1 << 20;
    /** A moov box for a 10-minute 60 fps video is a few MB; anything bigger is not something TikTok would take. */
    static final int MOOV_LIMIT = 64 << 20;

    /**
     * isoparser's box-type table. Its default parser looks the table up through the system class loader, which in a
     * packaged Quarkus application does not see library jars (every box would parse as unknown), so it is loaded here
     * through this class's loader and handed over explicitly.
     */
    private static final Properties BOX_TYPES = loadBoxTypes();

    private static Properties loadBoxTypes() {
        Properties p = new Properties();
        try (InputStream in = MediaInspector.class.getClassLoader().getResourceAsStream("isoparser2-default.properties")) {
            if (in == null) {
                throw new IllegalStateException("isoparser2-default.properties is missing from the class path");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private final MessageDigest sha256;
    private final byte[] head = new byte[HEAD_LIMIT];
    private int headLength;
    private long total;
    private String container;

    // ISO-BMFF top-level walk
    private long boxStart;
    private final byte[] boxHeader = new byte[16];
    private int boxHeaderLength;
    private long boxEnd;
    private boolean boxToEnd;
    private ByteArrayOutputStream moov;
    private byte[] moovBytes;
    private boolean moovTooLarge;
    private boolean brokenBoxes;

    private ByteArrayOutputStream webmHead;

    /** Fed from byte 0 whatever the container, like the box walk; it stops at once on anything not a JPEG. */
    private final JpegWalker jpeg = new JpegWalker();

    public MediaInspector() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void update(byte[] bytes, int offset, int length) {
        if (length <= 0) {
            return;
        }
        sha256.update(bytes, offset, length);
        if (headLength < HEAD_LIMIT) {
            int n = Math.min(HEAD_LIMIT - headLength, length);
            System.arraycopy(bytes, offset, head, headLength, n);
            headLength += n;
            if (container == null && headLength >= 12) {
                container = detect(head, headLength);
            }
        }
        // The walks run from byte 0 whatever the container; each result is used only for its own container.
        walkBoxes(bytes, offset, length);
        jpeg.update(bytes, offset, length);
        if ("webm".equals(container) && webmHead.size() < WEBM_HEAD_LIMIT) {
            webmHead.write(bytes, offset, Math.min(length, WEBM_HEAD_LIMIT - webmHead.size()));
        }
        total += length;
    }

    private String detect(byte[] b, int n) {
        String detected = null;
        if (n >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p') {
            String brand = new String(b, 8, 4, StandardCharsets.ISO_8859_1);
            detected = "qt  ".equals(brand) ? "mov" : "mp4";
        } else if ((b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xDF && (b[3] & 0xff) == 0xA3) {
            detected = "webm";
            webmHead = new ByteArrayOutputStream();
        } else if ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            detected = "jpeg";
        } else if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            detected = "webp";
        }
        return detected == null ? "unknown" : detected;
    }

    /**
     * Walks top-level boxes: reads each 8- or 16-byte header, skips the body, except {@code moov}'s, which it keeps.
     * Positions are absolute stream offsets, so chunk boundaries may fall anywhere.
     */
    private void walkBoxes(byte[] bytes, int offset, int length) {
        long pos = total;
        int i = offset;
        int end = offset + length;
        while (i < end && !brokenBoxes && !boxToEnd) {
            long abs = pos + (i - offset);
            if (abs >= boxEnd) {
                // in a header
                boxHeader[boxHeaderLength++] = bytes[i++];
                if (boxHeaderLength == 8) {
                    long size = ByteBuffer.wrap(boxHeader, 0, 4).getInt() & 0xffffffffL;
                    if (size == 1) {
                        continue; // a 64-bit largesize follows
                    }
                    startBox(abs + 1 - 8, size, 8);
                } else if (boxHeaderLength == 16) {
                    long size = ByteBuffer.wrap(boxHeader, 8, 8).getLong();
                    startBox(abs + 1 - 16, size, 16);
                }
            } else {
                int n = (int) Math.min(end - i, boxEnd - abs);
                if (moov != null) {
                    if (moov.size() + n > MOOV_LIMIT) {
                        moovTooLarge = true;
                        moov = null;
                    } else {
                        moov.write(bytes, i, n);
                    }
                }
                i += n;
                if (pos + (i - offset) >= boxEnd && moov != null) {
                    if (moovBytes == null) {
                        moovBytes = moov.toByteArray();
                    }
                    moov = null;
                }
            }
        }
    }

    private void startBox(long start, long size, int headerLength) {
        String type = new String(boxHeader, 4, 4, StandardCharsets.ISO_8859_1);
        boxHeaderLength = 0;
        boxStart = start;
        if (size == 0) {
            boxToEnd = true; // the box runs to the end of the file: by the spec only the last box does this
            return;
        }
        if (size < headerLength) {
            brokenBoxes = true;
            return;
        }
        boxEnd = boxStart + size;
        if ("moov".equals(type) && moovBytes == null) {
            if (size > MOOV_LIMIT) {
                moovTooLarge = true;
            } else {
                moov = new ByteArrayOutputStream((int) Math.min(size, 1 << 20));
                ByteBuffer h = ByteBuffer.allocate(8).putInt((int) (size - headerLength + 8)).put(type.getBytes(StandardCharsets.ISO_8859_1));
                moov.write(h.array(), 0, 8);
            }
        }
    }

    /** Finishes the hash and reads what the container says. Throws {@link MediaRejectedException} for what is unusable. */
    public MediaInfo finish() {
        String hash = HexFormat.of().formatHex(sha256.digest());
        String c = container == null ? "unknown" : container;
        return switch (c) {
            case "mp4", "mov" -> isoInfo(c, hash);
            case "webm" -> webmInfo(hash);
            case "jpeg" -> jpegInfo(hash);
            case "webp" -> webpInfo(hash);
            default -> throw new MediaRejectedException("unsupported_media_type",
                    "The file is not MP4, MOV or WebM video, nor a JPEG or WebP image (checked from its bytes, not its name).");
        };
    }

    private MediaInfo jpegInfo(String hash) {
        if (!jpeg.complete()) {
            throw new MediaRejectedException("invalid_image",
                    "The file starts like a JPEG but is not a complete, readable JPEG image.");
        }
        return new MediaInfo(MediaType.PHOTO, "jpeg", "image/jpeg", total, hash, null, jpeg.width(), jpeg.height(), null, null);
    }

    /** RIFF size = file size - 8, then the first chunk: VP8 (lossy), VP8L (lossless) or VP8X (extended). */
    private MediaInfo webpInfo(String hash) {
        ByteBuffer h = ByteBuffer.wrap(head, 0, headLength).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long riffSize = headLength >= 8 ? h.getInt(4) & 0xffffffffL : -1;
        String chunk = headLength >= 16 ? new String(head, 12, 4, StandardCharsets.ISO_8859_1) : "";
        Integer width = null;
        Integer height = null;
        if (headLength >= 30 && chunk.equals("VP8 ") && (head[23] & 0xff) == 0x9D && (head[24] & 0xff) == 0x01
                && (head[25] & 0xff) == 0x2A) {
            width = h.getShort(26) & 0x3FFF;
            height = h.getShort(28) & 0x3FFF;
        } else if (headLength >= 25 && chunk.equals("VP8L") && (head[20] & 0xff) == 0x2F) {
            int bits = h.getInt(21);
            width = (bits & 0x3FFF) + 1;
            height = ((bits >>> 14) & 0x3FFF) + 1;
        } else if (headLength >= 30 && chunk.equals("VP8X")) {
            width = ((head[24] & 0xff) | (head[25] & 0xff) << 8 | (head[26] & 0xff) << 16) + 1;
            height = ((head[27] & 0xff) | (head[28] & 0xff) << 8 | (head[29] & 0xff) << 16) + 1;
        }
        if (riffSize != total - 8 || width == null || width == 0 || height == 0) {
            throw new MediaRejectedException("invalid_image",
                    "The file starts like a WebP but is not a complete, readable WebP image.");
        }
        return new MediaInfo(MediaType.PHOTO, "webp", "image/webp", total, hash, null, width, height, null, null);
    }

    private MediaInfo isoInfo(String c, String hash) {
        String contentType = "mov".equals(c) ? "video/quicktime" : "video/mp4";
        if (moovTooLarge) {
            throw new MediaRejectedException("invalid_video", "The video's index (moov box) is unreasonably large.");
        }
        if (brokenBoxes || (!boxToEnd && (boxHeaderLength != 0 || boxEnd != total))) {
            throw new MediaRejectedException("invalid_video", "The video file is truncated or its boxes are malformed.");
        }
        if (moovBytes == null) {
            throw new MediaRejectedException("invalid_video",
                    "The video has no moov box (it is truncated or not a finished recording).");
        }
        try (IsoFile iso = new IsoFile(new ByteBufferByteChannel(ByteBuffer.wrap(moovBytes)), new PropertyBoxParserImpl(BOX_TYPES))) {
            MovieBox movie = iso.getMovieBox();
            if (movie == null) {
                throw new MediaRejectedException("invalid_video", "The video's moov box cannot be read.");
            }
            MovieHeaderBox mvhd = movie.getMovieHeaderBox();
            Double duration = mvhd != null && mvhd.getTimescale() > 0
                    ? (double) mvhd.getDuration() / mvhd.getTimescale() : null;
            for (TrackBox track : movie.getBoxes(TrackBox.class)) {
                MediaBox mdia = track.getMediaBox();
                HandlerBox hdlr = mdia == null ? null : mdia.getHandlerBox();
                if (hdlr == null || !"vide".equals(hdlr.getHandlerType())) {
                    continue;
                }
                TrackHeaderBox tkhd = track.getTrackHeaderBox();
                Integer width = tkhd == null ? null : (int) Math.round(tkhd.getWidth());
                Integer height = tkhd == null ? null : (int) Math.round(tkhd.getHeight());
                MediaHeaderBox mdhd = mdia.getMediaHeaderBox();
                SampleTableBox stbl = mdia.getMediaInformationBox() == null ? null
                        : mdia.getMediaInformationBox().getSampleTableBox();
                Double fps = null;
                String codec = null;
                if (stbl != null && mdhd != null && mdhd.getTimescale() > 0 && mdhd.getDuration() > 0) {
                    long samples = sampleCount(stbl);
                    double trackSeconds = (double) mdhd.getDuration() / mdhd.getTimescale();
                    fps = samples > 0 ? samples / trackSeconds : null;
                    if (duration == null || duration == 0) {
                        duration = trackSeconds;
                    }
                }
                if (stbl != null) {
                    SampleDescriptionBox stsd = stbl.getSampleDescriptionBox();
                    if (stsd != null && !stsd.getBoxes().isEmpty()) {
                        codec = stsd.getBoxes().get(0).getType();
                    }
                }
                return new MediaInfo(MediaType.VIDEO, c, contentType, total, hash, duration, width, height, fps, codec);
            }
            throw new MediaRejectedException("invalid_video", "The file has no video track.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof MediaRejectedException r) {
                throw r;
            }
            org.jboss.logging.Logger.getLogger(MediaInspector.class).debugf(e, "Unreadable moov box");
            throw new MediaRejectedException("invalid_video", "The video's moov box cannot be read.");
        }
    }

    private static long sampleCount(SampleTableBox stbl) {
        SampleSizeBox stsz = stbl.getSampleSizeBox();
        if (stsz != null && stsz.getSampleCount() > 0) {
            return stsz.getSampleCount();
        }
        TimeToSampleBox stts = stbl.getTimeToSampleBox();
        if (stts == null) {
            return 0;
        }
        List<TimeToSampleBox.Entry> entries = stts.getEntries();
        return entries.stream().mapToLong(TimeToSampleBox.Entry::getCount).sum();
    }

    private MediaInfo webmInfo(String hash) {
        EbmlReader.WebmInfo info = EbmlReader.read(webmHead.toByteArray());
        if (info == null || !info.hasVideo()) {
            throw new MediaRejectedException("invalid_video", "The WebM file has no readable video track.");
        }
        return new MediaInfo(MediaType.VIDEO, "webm", "video/webm", total, hash, info.durationSeconds(), info.width(),
                info.height(), info.fps(), info.codec());
    }
}
