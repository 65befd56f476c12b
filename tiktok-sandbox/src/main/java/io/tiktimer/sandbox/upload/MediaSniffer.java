package io.tiktimer.sandbox.upload;

import io.tiktimer.sandbox.FailReasons;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The container check TikTok would fail first: ISO-BMFF (MP4/MOV) box types or the WebM EBML magic. */
final class MediaSniffer {
    private static final Set<String> ISO_BMFF_FIRST_BOXES = Set.of("ftyp", "moov", "mdat", "wide", "free", "skip");
    private static final byte[] EBML_MAGIC = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};

    private MediaSniffer() {
    }

    /** @return {@code file_format_check_failed}, or null when the bytes look like a supported container */
    static String failReason(byte[] head) {
        if (head.length >= 8 && ISO_BMFF_FIRST_BOXES.contains(new String(head, 4, 4, StandardCharsets.ISO_8859_1))) {
            return null;
        }
        if (head.length >= 4 && head[0] == EBML_MAGIC[0] && head[1] == EBML_MAGIC[1] && head[2] == EBML_MAGIC[2]
                && head[3] == EBML_MAGIC[3]) {
            return null;
        }
        return FailReasons.FILE_FORMAT_CHECK_FAILED;
    }
}
