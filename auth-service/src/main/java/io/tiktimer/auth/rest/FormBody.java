package io.tiktimer.auth.rest;

import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.text.StorableText;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The OAuth2 token forms ({@code application/x-www-form-urlencoded}), read strictly. Quarkus REST's form reader
 * answered a malformed escape or too many fields with a 500 and logged the undecodable value (a password) in the
 * exception message; and invalid UTF-8 would have been silently replaced, so a password would not be the one typed.
 * Here a form that is not exactly what the operation takes is a 400 naming the field, and no message ever carries a
 * value. Fields outside {@code accepted} are ignored (RFC 6749 §3.2), but counted against the limit; an accepted field
 * sent twice is refused (RFC 6749 §3.1).
 */
final class FormBody {

    /** An OAuth2 token request has at most six fields; anything beyond this is not a token request. */
    static final int MAX_FIELDS = 32;

    private final Map<String, String> fields;

    private FormBody(Map<String, String> fields) {
        this.fields = fields;
    }

    String get(String name) {
        return fields.get(name);
    }

    static FormBody parse(byte[] body, Set<String> accepted) {
        Map<String, String> fields = new HashMap<>();
        int count = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i < body.length && body[i] != '&') {
                continue;
            }
            if (i > start) {
                if (++count > MAX_FIELDS) {
                    throw Problems.badRequest("The form has more than " + MAX_FIELDS + " fields; a token request "
                            + "takes " + accepted.size() + " at most");
                }
                int equals = indexOf(body, (byte) '=', start, i);
                String name = decode(body, start, equals < 0 ? i : equals, null);
                if (accepted.contains(name)) {
                    String value = equals < 0 ? "" : decode(body, equals + 1, i, name);
                    StorableText.require(name, Problems.In.FORM, value);
                    if (fields.put(name, value) != null) {
                        throw Problems.unreadable(name, Problems.In.FORM, "must be sent only once");
                    }
                }
            }
            start = i + 1;
        }
        return new FormBody(fields);
    }

    private static int indexOf(byte[] body, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Percent-decoding ('+' is a space) to bytes, then strict UTF-8; {@code field} is null while decoding a name. */
    private static String decode(byte[] body, int from, int to, String field) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
                if (high < 0 || low < 0) {
                    throw unreadable(field, "has a malformed percent-escape (expected % and two hex digits)");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw unreadable(field, "is not valid UTF-8");
        }
    }

    private static RuntimeException unreadable(String field, String message) {
        return field == null ? Problems.badRequest("A form field name " + message)
                : Problems.unreadable(field, Problems.In.FORM, message);
    }
}
