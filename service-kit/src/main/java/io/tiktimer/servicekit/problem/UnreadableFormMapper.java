package io.tiktimer.servicekit.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;

/**
 * A multipart or form body that cannot be parsed (a boundary other than the declared one, no closing boundary,
 * headers only, random bytes, an empty body) is a 400. RESTEasy Reactive's form parser reports all of these as a plain
 * {@link IOException} before any resource method runs, which quarkus-resteasy-problem answered as a 500. There is no
 * more specific type to map, so the parser is recognised by where the exception was thrown; any other
 * {@code IOException} keeps the generic 500.
 */
public class UnreadableFormMapper {

    private static final int BEFORE_LIBRARY_MAPPERS = 1;
    private static final String FORM_PARSERS = "org.jboss.resteasy.reactive.server.core.multipart.";
    private static final String FORM_HANDLER = "org.jboss.resteasy.reactive.server.handlers.FormBodyHandler";

    @ServerExceptionMapper(priority = BEFORE_LIBRARY_MAPPERS)
    public Response unreadable(IOException e) {
        if (thrownByFormParser(e)) {
            return Problems.badRequest("The multipart/form body cannot be read: it must be complete and use the "
                    + "boundary its Content-Type declares").toResponse();
        }
        org.jboss.logging.Logger.getLogger(UnreadableFormMapper.class).error("I/O failure", e);
        return HttpProblem.builder().withStatus(500).withTitle(Problems.title(500))
                .withDetail("The request could not be completed").build().toResponse();
    }

    static boolean thrownByFormParser(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 8); i++) {
            String c = trace[i].getClassName();
            if (c.startsWith(FORM_PARSERS) || c.startsWith(FORM_HANDLER)) {
                return true;
            }
        }
        return false;
    }
}
