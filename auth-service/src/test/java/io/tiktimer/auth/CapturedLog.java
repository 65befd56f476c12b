package io.tiktimer.auth;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every record the service logs while open, as the message a log line would show plus the messages of any attached
 * exception chain (where the form reader once put a password). Attached to the root logger of the JBoss LogManager
 * the service logs through (the test runs in the service's JVM).
 */
final class CapturedLog extends Handler implements AutoCloseable {

    record Line(String category, Level level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    private CapturedLog() {
        setLevel(Level.ALL);
    }

    static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        log.root.addHandler(log);
        return log;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(record instanceof ExtLogRecord ext ? String.valueOf(
                ext.getFormattedMessage()) : String.valueOf(record.getMessage()));
        if (!(record instanceof ExtLogRecord) && record.getParameters() != null) {
            text.append(" | ").append(java.util.Arrays.toString(record.getParameters()));
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(" | ").append(t);
            for (Throwable suppressed : t.getSuppressed()) {
                text.append(" | ").append(suppressed);
            }
        }
        lines.add(new Line(record.getLoggerName(), record.getLevel(), text.toString()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
