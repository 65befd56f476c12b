package io.tiktimer.servicekit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tiktimer.servicekit.text.StorableTextModule.UnstorableTextException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;

/**
 * A JSON body that cannot be read as what the operation takes is a 400 that names the field and the JSON type it must
 * have. Without this, Quarkus' built-in mapper answered such bodies with an empty 400, and quarkus-resteasy-problem's
 * detail quoted Jackson's message, Java type names included.
 *
 * <p>Quarkus' JSON reader rethrows {@link MismatchedInputException}s as they are (so the most specific mapper for
 * them wins: Quarkus' own {@code BuiltinMismatchedInputExceptionMapper} and quarkus-resteasy-problem's
 * {@code InvalidFormatExceptionMapper} unless this class maps the same types at a higher priority) and wraps every
 * other Jackson failure (syntax, invalid UTF-8, nesting limits, unstorable text) in a 400
 * {@code WebApplicationException}, which {@link WebApplicationProblemMapper} hands back here.
 */
public class UnreadableJsonMapper {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unreadable(JsonProcessingException e) {
        return toProblem(e).toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response mismatched(MismatchedInputException e) {
        return toProblem(e).toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response invalidFormat(InvalidFormatException e) {
        return toProblem(e).toResponse();
    }

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unrecognized(UnrecognizedPropertyException e) {
        return toProblem(e).toResponse();
    }

    static io.quarkiverse.resteasy.problem.HttpProblem toProblem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return Problems.badRequest("The JSON body is nested too deeply or has a value that is too long");
        }
        if (e instanceof InputCoercionException number && number.getProcessor() != null) {
            // valid JSON, but a number the field's type cannot hold (99999999999999999999 for an id)
            String field = path(number.getProcessor().getParsingContext());
            Class<?> type = number.getTargetType();
            String message = type == Long.class || type == long.class
                    ? "must be a whole number between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE
                    : type == Integer.class || type == int.class
                    ? "must be a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
                    : "is a number out of range";
            return field.isEmpty() ? Problems.badRequest("The JSON body " + message)
                    : Problems.unreadable(field, Problems.In.BODY, message);
        }
        if (e instanceof StreamReadException read && !(e instanceof JsonMappingException)) {
            var at = read.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            // invalid UTF-8 or a broken escape inside a string value: the parser knows which field it was reading;
            // anything else (a missing comma, a truncated body) is the body's fault, not the last field's
            String field = read.getProcessor() == null || read instanceof JsonEOFException
                    || read.getProcessor().currentToken() != JsonToken.VALUE_STRING
                    ? "" : path(read.getProcessor().getParsingContext());
            if (field.isEmpty()) {
                return Problems.badRequest("The body is not valid JSON" + where);
            }
            return Problems.unreadable(field, Problems.In.BODY, "is not valid JSON text" + where);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = path(mapping);
            String message = message(mapping);
            if (field.isEmpty()) {
                return Problems.badRequest("The JSON body " + message);
            }
            return Problems.unreadable(field, Problems.In.BODY, message);
        }
        return Problems.badRequest("The body is not valid JSON");
    }

    /** The field a parser was reading when it failed, in the same notation; empty at the top level. */
    static String path(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst((c.getParent() == null || c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        return String.join("", parts);
    }

    /** {@code media_ids[2]}, {@code privacy.level}; empty for the body itself. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnstorableTextException text) {
            return text.reason();
        }
        if (e instanceof ValueInstantiationException) {
            return "is not a valid value";
        }
        if (e instanceof InvalidFormatException format) {
            return mustBe(format.getTargetType()) + " (got \"" + ellipsis(String.valueOf(format.getValue())) + "\")";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return mustBe(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    /** What a JSON client understands, not the Java type. */
    static String mustBe(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date-time string";
        }
        if (type.isEnum()) {
            return "is not one of the accepted values";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "must be an object";
        }
        return "has the wrong type";
    }

    private static String ellipsis(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
