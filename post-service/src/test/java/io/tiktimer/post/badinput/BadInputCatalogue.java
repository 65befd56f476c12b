package io.tiktimer.post.badinput;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tiktimer.post.badinput.OpenApiOperations.Operation;
import io.tiktimer.post.badinput.OpenApiOperations.Property;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The bad inputs, as data: values per place (path, query, JSON property by schema type, form part by type) and whole
 * bodies per media type. {@link #requestsFor} turns them into requests for any operation an OpenAPI document
 * describes, so a new endpoint is covered without new test code. Generic: nothing here knows a TikTimer service; what
 * a valid request looks like (ids that exist, a valid base body, a valid file) comes from {@link Valid}.
 */
public final class BadInputCatalogue {

    /** A request the catalogue sends: which case it is, and the raw HTTP parts. */
    public record BadRequest(String caseName, String method, String path, String contentType, byte[] body) {
    }

    /**
     * What the service under test supplies so that each case differs from a valid request in one place only: the
     * value of each path parameter that exists for the caller, a valid JSON body and valid form parts per operation.
     */
    public record Valid(Function<Operation, Map<String, String>> pathValues,
                        Function<Operation, Map<String, Object>> jsonBody,
                        Function<Operation, Map<String, String>> formText,
                        Function<Operation, Map<String, byte[]>> formFiles) {
    }

    private record Named(String name, byte[] bytes) {
        static Named of(String name, String text) {
            return new Named(name, text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random(15);
    private static final byte[] RANDOM_BYTES = randomBytes(4096);

    /** Names that hold instants: the extreme and malformed dates are tried on them too. */
    private static final Pattern DATE_LIKE = Pattern.compile("(^|_)(time|date|from|to|at|since|until)$");

    // ---- the catalogue ----

    /** Substituted for one path parameter at a time (already percent-encoded where needed). */
    static final List<String> PATH_VALUES = List.of("abc", "-1", "0", "99999999999999999999", "9223372036854775807",
            "-9223372036854775808", "1.5", "1e3", "%00", "%20", "1%2F2", "%F0%28", "%ED%A0%80", "x".repeat(2000));

    /** Query values (percent-encoded), for every query parameter. */
    static final List<String> QUERY_VALUES = List.of("abc", "-1", "99999999999999999999", "", "%00", "a%00b",
            "%F0%28", "%ED%A0%80", "x".repeat(3000), "1.5", "[]", "%7B%7D");

    /** Instants Java parses but no database holds, and strings that are no instant at all. */
    static final List<String> DATES = List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
            "+584556084-04-03T02:25:51.616Z", "2030-02-30T10:00:00Z", "2030-06-01T24:00:00Z", "2030-13-01T00:00:00Z",
            "2030-06-01T10:00:00+99:00", "2030-06-01T10:00:00[Mars/Olympus]", "1970-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z", "tomorrow", "2030-06-01T10:00:00\u0000Z");

    /** JSON fragments per schema type that the property's reader must refuse. */
    static final Map<String, List<String>> JSON_VALUES = Map.of(
            "string", List.of("\"a\\u0000b\"", "\"a\\ud800b\"", "\"\\udc00\"", "[1]", "{\"a\":1}",
                    "\"" + "x".repeat(100_000) + "\""),
            "integer", List.of("\"abc\"", "[1]", "{}", "99999999999999999999", "1e400", "-1", "\"\\u0000\""),
            "number", List.of("\"abc\"", "[1]", "{}", "1e400"),
            "boolean", List.of("\"maybe\"", "[true]", "{}", "\"\\u0000\""),
            "array", List.of("\"abc\"", "{}", "[null]", "[[1]]", "[\"x\"]", "[-1]",
                    "[" + String.join(",", Collections.nCopies(100_000, "1")) + "]"),
            "object", List.of("\"abc\"", "[[]]", "1"));

    /** Form part values per type (the part's bytes). */
    static final Map<String, List<String>> FORM_VALUES = Map.of(
            "string", List.of("a\u0000b", "x".repeat(100_000)),
            "integer", List.of("abc", "-1", "99999999999999999999", "1.5", "1\u0000"));

    /** Whole JSON bodies, whatever the operation's schema; {@code %s} is the body's first string property. */
    static List<Named> jsonBodies(String stringProperty) {
        return List.of(
                Named.of("an array for an object", "[{\"" + stringProperty + "\":\"x\"}]"),
                Named.of("an empty array", "[]"),
                Named.of("a bare string", "\"text\""),
                Named.of("a bare number", "12"),
                Named.of("truncated JSON", "{\"" + stringProperty + "\":\"x\""),
                Named.of("a syntax error", "{\"" + stringProperty + "\": x}"),
                Named.of("a trailing comma", "{\"" + stringProperty + "\":\"x\",}"),
                Named.of("nesting 5000 deep", "{\"" + stringProperty + "\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                Named.of("a 2 MB body", "{\"" + stringProperty + "\":\"" + "a".repeat(2 << 20) + "\"}"),
                new Named("invalid UTF-8 in a string", concat(("{\"" + stringProperty + "\":\"a").getBytes(StandardCharsets.UTF_8),
                        new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF}, "\"}".getBytes(StandardCharsets.UTF_8))),
                new Named("a NUL byte outside strings", ("{\"" + stringProperty + "\":\"x\"\u0000}").getBytes(StandardCharsets.UTF_8)));
    }

    /** Bodies for a JSON operation that may only be sent when the body is required (else they are valid). */
    static final List<Named> MISSING_BODIES = List.of(Named.of("an empty body", ""), Named.of("JSON null", "null"));

    /** Whole multipart bodies that no parser can take; the declared boundary is XYZ. */
    static List<Named> multipartBodies(byte[] validFile) {
        String head = "--XYZ\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\ncaption\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp4\"\r\nContent-Type: video/mp4\r\n\r\n";
        return List.of(
                new Named("a boundary other than the declared one", concat(head.replace("XYZ", "OTHER").getBytes(),
                        validFile, "\r\n--OTHER--\r\n".getBytes())),
                new Named("no closing boundary", concat(head.getBytes(), validFile)),
                Named.of("headers only", "--XYZ\r\nContent-Disposition: form-data; name=\"content\"\r\n"),
                new Named("random bytes", RANDOM_BYTES),
                Named.of("an empty body", ""),
                new Named("a part without a name", concat("--XYZ\r\nContent-Type: video/mp4\r\n\r\n".getBytes(), validFile,
                        "\r\n--XYZ--\r\n".getBytes())),
                Named.of("only the closing boundary", "--XYZ--\r\n"));
    }

    /** Raw upload bodies that are no media, or only look like it. */
    static List<Named> rawBodies(byte[] validFile) {
        return List.of(
                new Named("random bytes", RANDOM_BYTES),
                new Named("a JPEG signature before random bytes", concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, RANDOM_BYTES)),
                new Named("a WebP signature before random bytes", concat("RIFF\0\0\0\0WEBP".getBytes(), RANDOM_BYTES)),
                new Named("a truncated video", java.util.Arrays.copyOf(validFile, Math.min(validFile.length, 200))),
                Named.of("an empty body", ""));
    }

    // ---- the engine that applies the catalogue to an operation ----

    private BadInputCatalogue() {
    }

    public static List<BadRequest> requestsFor(Operation op, Valid valid) throws Exception {
        List<BadRequest> out = new ArrayList<>();
        Map<String, String> pathValues = valid.pathValues().apply(op);
        String validPath = path(op.path(), pathValues, null, null);
        // 1. every path parameter, one at a time
        for (var p : op.parameters("path")) {
            for (String value : PATH_VALUES) {
                out.add(new BadRequest("path " + p.name() + "=" + abbreviate(value), op.method(),
                        path(op.path(), pathValues, p.name(), value), null, null));
            }
        }
        // 2. every query parameter, one at a time (with a body the operation cannot take, if it takes one)
        byte[] queryBody = op.body() == null ? null : RANDOM_BYTES;
        String queryContentType = op.body() == null ? null : firstConcreteType(op);
        for (var p : op.parameters("query")) {
            List<String> values = new ArrayList<>(QUERY_VALUES);
            if (DATE_LIKE.matcher(p.name()).find()) {
                DATES.forEach(d -> values.add(java.net.URLEncoder.encode(d, StandardCharsets.UTF_8)));
            }
            for (String value : values) {
                out.add(new BadRequest("query " + p.name() + "=" + abbreviate(value), op.method(),
                        validPath + "?" + p.name() + "=" + value, queryContentType, queryBody));
            }
        }
        if (op.body() == null) {
            return out;
        }
        // 3. JSON bodies: each property with what its type must refuse, then whole bodies
        if (op.body().accepts("application/json")) {
            List<Property> props = op.body().properties("application/json");
            Map<String, Object> base = valid.jsonBody().apply(op);
            for (Property prop : props) {
                List<String> values = new ArrayList<>(JSON_VALUES.getOrDefault(prop.type(), JSON_VALUES.get("object")));
                if ("string".equals(prop.type()) && DATE_LIKE.matcher(prop.name()).find()) {
                    DATES.forEach(d -> values.add(jsonString(d)));
                }
                for (String fragment : values) {
                    out.add(new BadRequest("json " + prop.name() + "=" + abbreviate(fragment), op.method(), validPath,
                            "application/json", jsonWith(base, prop.name(), fragment)));
                }
            }
            String firstString = props.stream().filter(p -> "string".equals(p.type())).map(Property::name).findFirst()
                    .orElse("x");
            for (Named body : jsonBodies(firstString)) {
                out.add(new BadRequest("json body: " + body.name(), op.method(), validPath, "application/json", body.bytes()));
            }
            if (op.body().required()) {
                for (Named body : MISSING_BODIES) {
                    out.add(new BadRequest("json body: " + body.name(), op.method(), validPath, "application/json", body.bytes()));
                }
            }
            if (!op.body().accepts("*/*")) {
                byte[] validJson = JSON.writeValueAsBytes(base);
                for (String wrong : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                    out.add(new BadRequest("content type " + wrong, op.method(), validPath, wrong, validJson));
                }
            }
        }
        // 4. multipart: each part with what its type must refuse, then bodies no parser can take
        if (op.body().accepts("multipart/form-data")) {
            Map<String, String> text = valid.formText().apply(op);
            Map<String, byte[]> files = valid.formFiles().apply(op);
            byte[] anyFile = files.values().stream().findFirst().orElse(RANDOM_BYTES);
            for (Property prop : op.body().properties("multipart/form-data")) {
                List<byte[]> values = new ArrayList<>();
                if (prop.binary()) {
                    rawBodies(anyFile).forEach(n -> values.add(n.bytes()));
                } else {
                    FORM_VALUES.getOrDefault(prop.type(), FORM_VALUES.get("string"))
                            .forEach(v -> values.add(v.getBytes(StandardCharsets.UTF_8)));
                    if (DATE_LIKE.matcher(prop.name()).find()) {
                        DATES.forEach(d -> values.add(d.getBytes(StandardCharsets.UTF_8)));
                    }
                }
                for (byte[] value : values) {
                    out.add(new BadRequest("form " + prop.name() + "=" + abbreviate(new String(value, StandardCharsets.UTF_8)),
                            op.method(), validPath, "multipart/form-data; boundary=XYZ",
                            multipart(text, files, prop.name(), value, prop.binary())));
                }
            }
            for (Named body : multipartBodies(anyFile)) {
                out.add(new BadRequest("multipart body: " + body.name(), op.method(), validPath,
                        "multipart/form-data; boundary=XYZ", body.bytes()));
            }
            byte[] validForm = multipart(text, files, null, null, false);
            out.add(new BadRequest("multipart without a boundary", op.method(), validPath, "multipart/form-data", validForm));
            if (!op.body().accepts("application/octet-stream") && !op.body().accepts("*/*")) {
                out.add(new BadRequest("a form as text/plain", op.method(), validPath, "text/plain", validForm));
                out.add(new BadRequest("a form as JSON", op.method(), validPath, "application/json", "{}".getBytes()));
            }
        }
        // 5. raw uploads: bytes that are no media
        for (String type : op.body().propertiesByMediaType().keySet()) {
            if (type.startsWith("video/") || type.startsWith("image/") || type.equals("application/octet-stream")) {
                String concrete = type.replace("/*", type.startsWith("video") ? "/mp4" : "/jpeg");
                byte[] anyFile = valid.formFiles().apply(op).values().stream().findFirst().orElse(RANDOM_BYTES);
                for (Named body : rawBodies(anyFile)) {
                    out.add(new BadRequest("raw " + concrete + ": " + body.name(), op.method(), validPath, concrete, body.bytes()));
                }
            }
        }
        return out;
    }

    private static String firstConcreteType(Operation op) {
        for (String type : op.body().propertiesByMediaType().keySet()) {
            if (!type.contains("*")) {
                return type.startsWith("multipart/") ? "multipart/form-data; boundary=XYZ" : type;
            }
        }
        return "application/octet-stream";
    }

    private static String path(String template, Map<String, String> values, String replaced, String value) {
        String p = template;
        for (var e : values.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getKey().equals(replaced) ? value : e.getValue());
        }
        if (replaced != null && !values.containsKey(replaced)) {
            p = p.replace("{" + replaced + "}", value);
        }
        return p.replaceAll("\\{[^}]+}", "1");
    }

    private static byte[] jsonWith(Map<String, Object> base, String property, String fragment) throws Exception {
        Map<String, Object> rest = new LinkedHashMap<>(base);
        rest.remove(property);
        String head = JSON.writeValueAsString(rest);
        String body = head.substring(0, head.length() - 1) + (rest.isEmpty() ? "" : ",")
                + JSON.writeValueAsString(property) + ":" + fragment + "}";
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] multipart(Map<String, String> text, Map<String, byte[]> files, String replaced, byte[] value,
                                    boolean replacedIsFile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, byte[]> textParts = new LinkedHashMap<>();
        text.forEach((k, v) -> textParts.put(k, v.getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> fileParts = new LinkedHashMap<>(files);
        if (replaced != null) {
            textParts.remove(replaced);
            fileParts.remove(replaced);
            (replacedIsFile ? fileParts : textParts).put(replaced, value);
        }
        textParts.forEach((k, v) -> {
            out.writeBytes(("--XYZ\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(v);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        fileParts.forEach((k, v) -> {
            out.writeBytes(("--XYZ\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\"upload.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(v);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        out.writeBytes("--XYZ--\r\n".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "\\\\0");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…(" + s.length() + ")";
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
