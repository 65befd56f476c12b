package io.tiktimer.servicekit.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * PostgreSQL unreachable, restarting or out of connections is a temporary condition of ours, not a bug: 503 with
 * Retry-After as problem+json, so clients and the gateway retry later instead of reporting a server error. Anything
 * else from the database stays a 500. (These exception types have no mapper of their own in quarkus-resteasy-problem.)
 */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);
    static final int RETRY_AFTER_SECONDS = 5;
    /** Hibernate's context message when it could not get a connection from the pool, whatever the SQLState. */
    private static final String ACQUIRE_FAILED = "Unable to acquire JDBC Connection";

    @ServerExceptionMapper
    public Response unavailable(PersistenceException e) {
        return map(e);
    }

    @ServerExceptionMapper
    public Response unavailable(SQLException e) {
        return map(e);
    }

    private static Response map(Exception e) {
        if (!isUnavailable(e)) {
            // what the problem library does with any unexpected exception: logged in full, a bare 500 to the client
            LOG.error("Database failure", e);
            return HttpProblem.builder().withStatus(500).withTitle("Internal Server Error").build().toResponse();
        }
        LOG.warnf("Database unavailable, answering 503: %s", e.getMessage());
        return HttpProblem.builder().withStatus(503).withTitle("Service Unavailable")
                .withDetail("The database is unavailable for the moment; nothing was changed. Try again shortly.")
                .withHeader("Retry-After", RETRY_AFTER_SECONDS).build().toResponse();
    }

    /** True when the failure is about reaching the database, not about what was asked of it. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof JDBCException j && j.getMessage() != null && j.getMessage().startsWith(ACQUIRE_FAILED)) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null && (s.getSQLState().startsWith("08")
                    || s.getSQLState().startsWith("53") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
