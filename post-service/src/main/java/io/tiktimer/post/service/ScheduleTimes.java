package io.tiktimer.post.service;

import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.problem.Problems.In;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** How a post's times are read from what clients send: {@code scheduled_time}, and the listing's filters. */
public final class ScheduleTimes {

    /** The instants PostgreSQL and every client can hold exactly: years 1970 to 9999, UTC. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private ScheduleTimes() {
    }

    /**
     * ISO-8601 date-time whose offset is optional (and a space allowed for the {@code T}, as the original accepted).
     * One parse that tells both kinds apart: trying the offset form first and catching its exception cost every
     * naive time (the original clients' form) an exception with a stack trace. Strict: a builder's formatter resolves
     * SMARTly unless told otherwise, which read 2030-02-30 as 28 February and 24:00 as the next day.
     */
    private static final DateTimeFormatter ISO_OPTIONAL_OFFSET = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().parseLenient().appendOffsetId().parseStrict()
            .toFormatter(Locale.ROOT) // the offset read leniently, as OffsetDateTime.parse reads it ("+01" too)
            .withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);

    private static final String ISO_EXAMPLE = "an ISO-8601 date-time that exists, e.g. 2026-12-01T18:30:00+01:00";

    /**
     * ISO-8601 with an offset, or naive (UTC, or local time in {@code zone} when the post has one). What is not a real
     * date-time is a 400; a real one outside {@link #EARLIEST}..{@link #LATEST} a 422: the database would not store
     * it as given (a year past 292 million wrapped around into 2035 and slipped past the check for the past).
     */
    public static Instant parseTime(String field, In in, String value, String zone) {
        Instant parsed = parseOrNull(value, zone);
        if (parsed == null) {
            throw Problems.unreadable(field, in, "must be " + ISO_EXAMPLE);
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw Problems.invalid(field, in, "must be between 1970-01-01 and 9999-12-31 (UTC)");
        }
        return parsed;
    }

    /** A listing filter's time, read as {@link #parseTime} reads scheduled_time. */
    public static Instant parseFilterTime(String parameter, String value) {
        return parseTime(parameter, In.QUERY, value, null);
    }

    private static Instant parseOrNull(String value, String zone) {
        TemporalAccessor parsed;
        try {
            parsed = ISO_OPTIONAL_OFFSET.parse(value.trim().replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
        try {
            // asked, not tried: parseBest would try OffsetDateTime first and pay for an exception on every naive time
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed).toInstant();
            }
            LocalDateTime local = LocalDateTime.from(parsed);
            return zone == null ? local.toInstant(ZoneOffset.UTC) : local.atZone(ZoneId.of(zone)).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
