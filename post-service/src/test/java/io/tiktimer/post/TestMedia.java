package io.tiktimer.post;

import org.mp4parser.boxes.iso14496.part12.DataEntryUrlBox;
import org.mp4parser.boxes.iso14496.part12.DataInformationBox;
import org.mp4parser.boxes.iso14496.part12.DataReferenceBox;
import org.mp4parser.boxes.iso14496.part12.FileTypeBox;
import org.mp4parser.boxes.iso14496.part12.HandlerBox;
import org.mp4parser.boxes.iso14496.part12.MediaBox;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MediaInformationBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleDescriptionBox;
import org.mp4parser.boxes.iso14496.part12.SampleSizeBox;
import org.mp4parser.boxes.iso14496.part12.SampleTableBox;
import org.mp4parser.boxes.iso14496.part12.SampleToChunkBox;
import org.mp4parser.boxes.iso14496.part12.StaticChunkOffsetBox;
import org.mp4parser.boxes.iso14496.part12.TimeToSampleBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.mp4parser.boxes.iso14496.part12.VideoMediaHeaderBox;
import org.mp4parser.boxes.sampleentry.VisualSampleEntry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.List;

/**
 * Real ISO-BMFF files built in the test, no binaries in the repository: ftyp + moov (mvhd, one video track with tkhd,
 * mdhd, hdlr 'vide', stsd avc1, stts, stsc, stsz, stco) + mdat. The mdat payload is zeros: the service reads the
 * container, not the frames, exactly as TikTok's own limits are stated.
 */
public final class TestMedia {
    private TestMedia() {
    }

    /** A real baseline JPEG (ImageIO's encoder) of the given size, its pixels varied by {@code seed}. */
    public static byte[] jpeg(int width, int height, int seed) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 7 + y * 13 + seed * 101) & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!javax.imageio.ImageIO.write(image, "jpeg", out)) {
                throw new IllegalStateException("no JPEG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] mp4(double seconds, int width, int height, int fps) {
        return mp4(seconds, width, height, fps, "avc1");
    }

    public static byte[] mp4(double seconds, int width, int height, int fps, String codec) {
        return concat(mp4Header(seconds, width, height, fps, 4096, codec, "isom"), new byte[4096]);
    }

    /** ftyp + moov + the mdat header for {@code payload} bytes that must follow. */
    public static byte[] mp4Header(double seconds, int width, int height, int fps, long payload, String codec, String brand) {
        int samples = (int) Math.round(seconds * fps);
        long timescale = 90_000;
        FileTypeBox ftyp = new FileTypeBox(brand, 512, List.of("isom", "iso2", "avc1", "mp41"));
        MovieBox moov = new MovieBox();
        MovieHeaderBox mvhd = new MovieHeaderBox();
        java.util.Date epoch = new java.util.Date(1_700_000_000_000L);
        mvhd.setCreationTime(epoch);
        mvhd.setModificationTime(epoch);
        mvhd.setTimescale(1000);
        mvhd.setDuration(Math.round(seconds * 1000));
        mvhd.setNextTrackId(2);
        moov.addBox(mvhd);
        TrackBox trak = new TrackBox();
        TrackHeaderBox tkhd = new TrackHeaderBox();
        tkhd.setCreationTime(epoch);
        tkhd.setModificationTime(epoch);
        tkhd.setTrackId(1);
        tkhd.setEnabled(true);
        tkhd.setInMovie(true);
        tkhd.setDuration(Math.round(seconds * 1000));
        tkhd.setWidth(width);
        tkhd.setHeight(height);
        trak.addBox(tkhd);
        MediaBox mdia = new MediaBox();
        MediaHeaderBox mdhd = new MediaHeaderBox();
        mdhd.setCreationTime(epoch);
        mdhd.setModificationTime(epoch);
        mdhd.setLanguage("und");
        mdhd.setTimescale(timescale);
        mdhd.setDuration((long) samples * (timescale / fps));
        mdia.addBox(mdhd);
        HandlerBox hdlr = new HandlerBox();
        hdlr.setHandlerType("vide");
        hdlr.setName("VideoHandler");
        mdia.addBox(hdlr);
        MediaInformationBox minf = new MediaInformationBox();
        minf.addBox(new VideoMediaHeaderBox());
        DataInformationBox dinf = new DataInformationBox();
        DataReferenceBox dref = new DataReferenceBox();
        DataEntryUrlBox url = new DataEntryUrlBox();
        url.setFlags(1);
        dref.addBox(url);
        dinf.addBox(dref);
        minf.addBox(dinf);
        SampleTableBox stbl = new SampleTableBox();
        SampleDescriptionBox stsd = new SampleDescriptionBox();
        VisualSampleEntry entry = new VisualSampleEntry(codec);
        entry.setWidth(width);
        entry.setHeight(height);
        entry.setDataReferenceIndex(1);
        stsd.addBox(entry);
        stbl.addBox(stsd);
        TimeToSampleBox stts = new TimeToSampleBox();
        stts.setEntries(List.of(new TimeToSampleBox.Entry(samples, timescale / fps)));
        stbl.addBox(stts);
        SampleToChunkBox stsc = new SampleToChunkBox();
        stsc.setEntries(List.of(new SampleToChunkBox.Entry(1, samples, 1)));
        stbl.addBox(stsc);
        SampleSizeBox stsz = new SampleSizeBox();
        long[] sizes = new long[samples];
        for (int i = 0; i < samples; i++) {
            sizes[i] = payload / samples + (i == samples - 1 ? payload % samples : 0);
        }
        stsz.setSampleSizes(sizes);
        stbl.addBox(stsz);
        StaticChunkOffsetBox stco = new StaticChunkOffsetBox();
        stbl.addBox(stco);
        minf.addBox(stbl);
        mdia.addBox(minf);
        trak.addBox(mdia);
        moov.addBox(trak);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ftyp.getBox(Channels.newChannel(out));
            long chunkOffset = out.size() + moov.getSize() + 8;
            stco.setChunkOffsets(new long[]{chunkOffset});
            moov.getBox(Channels.newChannel(out));
            out.write(ByteBuffer.allocate(8).putInt((int) (payload + 8)).put("mdat".getBytes()).array());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid MP4 of exactly {@code totalBytes}, generated as it is read: nothing of its size is ever in memory. */
    public static InputStream largeMp4(long totalBytes) {
        byte[] probe = mp4Header(60, 1080, 1920, 30, 1000, "avc1", "isom");
        long payload = totalBytes - probe.length;
        byte[] header = mp4Header(60, 1080, 1920, 30, payload, "avc1", "isom");
        return new SequenceInputStream(new java.io.ByteArrayInputStream(header), new ZeroStream(payload));
    }

    public static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
