package io.tiktimer.gateway.proxy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The normal form of a request path, which is what the gateway routes on and the only thing it forwards: unreserved
 * characters percent-decoded and other escapes in upper case (RFC 3986 6.2.2), duplicate slashes merged, dot segments
 * removed (RFC 3986 5.2.4). Paths whose meaning differs between servers are refused rather than guessed at: encoded
 * slashes, backslashes, percent signs (double encoding) and semicolons (path parameters) have no use in TikTimer's
 * API, and each has been used to make a proxy and the service behind it disagree about which resource is meant.
 * <p>
 * Written by hand because Vert.x's {@code RoutingContext.normalizedPath()} decodes and removes dot segments but keeps
 * {@code %2F}, backslashes and {@code ;} in place, and the proxy forwards the raw URI anyway.
 */
public final class RequestPath {

    /** The outcome: a normal form, or why there is none. */
    public sealed interface Outcome permits Normal, Refused {
    }

    /**
     * @param path      the normal form
     * @param canonical whether the request spelled it that way already
     */
    public record Normal(String path, boolean canonical) implements Outcome {
    }

    /** @param status 400 when the path cannot be read, 404 when it is readable but ambiguous */
    public record Refused(int status, String detail) implements Outcome {
    }

    private static final String UNRESERVED_PUNCTUATION = "-._~";
    /** pchar (RFC 3986) without ';', which is refused, and without '%', which starts an escape. */
    private static final String ALLOWED_RAW = UNRESERVED_PUNCTUATION + "!$&'()*+,=:@/";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestPath() {
    }

    public static Outcome normalise(String raw) {
        if (raw == null || raw.isEmpty() || raw.charAt(0) != '/') {
            return new Refused(400, "The request path must start with '/'.");
        }
        StringBuilder decoded = new StringBuilder(raw.length());
        boolean nonAscii = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (high < 0 || low < 0) {
                    return new Refused(400, "The request path has a malformed percent-escape.");
                }
                int b = high * 16 + low;
                i += 2;
                nonAscii |= b >= 0x80;
                if (b < 0x20 || b == 0x7f) {
                    return new Refused(400, "The request path contains a control character.");
                }
                if (b == '/' || b == '\\' || b == '%' || b == ';') {
                    return ambiguous();
                }
                if (b < 0x80 && isUnreserved((char) b)) {
                    decoded.append((char) b);
                } else {
                    decoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
                }
            } else if (c == '\\' || c == ';') {
                return ambiguous();
            } else if (c < 0x80 && (isUnreserved(c) || ALLOWED_RAW.indexOf(c) >= 0)) {
                decoded.append(c);
            } else {
                return new Refused(400, "The request path contains a character that is not allowed in a URI.");
            }
        }
        if (nonAscii && !isUtf8(decoded)) {
            return new Refused(400, "The request path's percent-escapes are not valid UTF-8.");
        }
        String path = removeDotSegments(decoded.toString());
        return new Normal(path, path.equals(raw));
    }

    /** RFC 3986 5.2.4 on a path that starts with '/', merging empty segments (duplicate slashes) on the way. */
    private static String removeDotSegments(String path) {
        String[] segments = path.split("/", -1);
        Deque<String> output = new ArrayDeque<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals("..")) {
                output.pollLast();
            } else if (!segment.equals(".") && !segment.isEmpty()) {
                output.addLast(segment);
                continue;
            }
            if (last) {
                output.addLast("");
            }
        }
        return "/" + String.join("/", output);
    }

    private static Refused ambiguous() {
        return new Refused(404, "No such resource: the path contains an encoded slash, a backslash, a double "
                + "percent-encoding or a ';' path parameter, which TikTimer's API never uses.");
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || UNRESERVED_PUNCTUATION.indexOf(c) >= 0;
    }

    /** Whether the bytes the escapes in {@code path} stand for (all else is ASCII by now) are valid UTF-8. */
    private static boolean isUtf8(CharSequence path) {
        ByteBuffer bytes = ByteBuffer.allocate(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                bytes.put((byte) Integer.parseInt(path, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
