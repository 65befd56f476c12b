package io.tiktimer.chaos;

import io.tiktimer.devstack.supervision.ProcessStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One chaos run from start to verdict: the stack up, the workload prepared, posts due over the window while faults
 * come, then every fault repaired and the run drained until each post is terminal (or the bound passes), and the
 * verdict printed as a table.
 */
public final class ChaosRun {

    private final ChaosSettings settings;
    private final PrintStream out;
    private final Instant started = Instant.now();

    public ChaosRun(ChaosSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** The outcome of a run: its verdict and the figures of its table. */
    public record Outcome(boolean passed, int posts, int publishedOnce, int unconfirmed, int failed, int deleted,
                          int lost, int duplicated, Map<String, Integer> faults, Duration drain, List<String> violations,
                          String table) {
    }

    public Outcome run() throws Exception {
        String loadBefore = load();
        log("seed " + settings.seed() + ": " + settings.posts() + " posts over " + settings.accounts()
                + " accounts, due over " + Verdict.seconds(settings.dueWindow()) + ", faults for "
                + Verdict.seconds(settings.faultPeriod()) + (settings.realCaps() ? "" : ", per-account caps raised")
                + " (repeat with --seed " + settings.seed() + ")");
        try (ChaosStack stack = ChaosStack.start(settings, this::log);
             Workload workload = new Workload(settings, stack, this::log)) {
            log("stack up: two replicas each of post-service and publisher-worker; logs in "
                    + settings.workDirectory().resolve("logs"));
            workload.prepare();
            Instant windowStart = Instant.now().plusSeconds(20 + settings.posts() / 25);
            workload.createPosts(windowStart);
            workload.scheduleRacingCalls();

            FaultSchedule faults = new FaultSchedule(stack, settings.seed(), this::log);
            sleepUntil(windowStart.minusSeconds(5));
            var tiktokMisbehaviour = faults.tiktokFaults();
            stack.sandbox().faults().randomly(tiktokMisbehaviour);
            log("faults begin; TikTok misbehaves for a share of calls: " + tiktokMisbehaviour);
            CompletableFuture<Void> faulting = CompletableFuture.runAsync(() ->
                    faults.runUntil(windowStart.minusSeconds(5).plus(settings.faultPeriod())));
            faulting.get();
            Map<String, Long> tiktokFaults = stack.sandbox().faults().fired();
            stack.sandbox().faults().clear();
            stack.restoreS3();
            Instant lastFault = Objects.requireNonNullElse(faults.lastFaultEnded(), Instant.now());
            log("faults over; waiting for every process to run again");
            stack.awaitAllRunning(Duration.ofMinutes(3));
            workload.awaitRacingCalls();

            Duration drain = drain(stack, workload.posts(), lastFault);
            List<Long> ids = workload.posts().stream().map(p -> p.id).toList();
            Evidence evidence = Evidence.gather(stack.sandbox(), stack.jdbcUrl(), stack.kafkaBootstrap(), ids);
            Verdict verdict = Verdict.judge(workload.posts(), evidence, settings.seed());
            String table = table(verdict, faults.happened(), tiktokFaults, stack.processes(), drain, loadBefore,
                    load(), workload);
            out.println(table);
            for (PlannedPost post : verdict.unfinished) {
                out.println("where " + post + " stands (" + post.kind + ", due " + post.due + ", racing calls "
                        + post.calls + "):");
                try {
                    Evidence.whereItStands(stack.jdbcUrl(), post.id).forEach(line -> out.println("  " + line));
                } catch (java.sql.SQLException e) {
                    out.println("  (could not be read: " + e.getMessage() + ")");
                }
            }
            return new Outcome(verdict.passed(), verdict.posts, verdict.publishedOnce, verdict.unconfirmedCount(),
                    verdict.failedCount(), verdict.deleted, verdict.lost, verdict.duplicated, faults.happened(), drain,
                    verdict.violations, table);
        }
    }

    /** Polls the database until every post is terminal (or gone after a delete); the time that took. */
    private Duration drain(ChaosStack stack, List<PlannedPost> posts, Instant lastFault) throws Exception {
        Instant bound = lastFault.plus(settings.drainBound());
        List<Long> ids = posts.stream().map(p -> p.id).toList();
        long open = posts.size();
        Instant nextReport = Instant.now();
        while (Instant.now().isBefore(bound)) {
            Map<Long, Evidence.PostRow> rows;
            try {
                rows = Evidence.rows(stack.jdbcUrl(), ids);
            } catch (Exception e) {
                Http.sleep(1000);
                continue;
            }
            open = posts.stream().filter(p -> {
                Evidence.PostRow row = rows.get(p.id);
                return row == null ? !p.deleteTried() : !Verdict.TERMINAL.contains(row.status());
            }).count();
            if (open > 0 && Instant.now().isAfter(nextReport)) {
                Map<String, Long> byStatus = new java.util.TreeMap<>();
                rows.values().forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
                log("draining: " + open + " post(s) not terminal yet; " + byStatus);
                nextReport = Instant.now().plusSeconds(20);
            }
            if (open == 0) {
                Duration took = Duration.between(lastFault, Instant.now());
                log("drained: every post terminal " + Verdict.seconds(took) + " after the last fault");
                return took;
            }
            Http.sleep(2000);
        }
        log(open + " post(s) not terminal within " + Verdict.seconds(settings.drainBound()) + " of the last fault");
        return Duration.between(lastFault, Instant.now());
    }

    private String table(Verdict v, Map<String, Integer> faults, Map<String, Long> tiktokFaults,
                         Map<String, ProcessStatus> processes, Duration drain, String loadBefore, String loadAfter,
                         Workload workload) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Chaos run, seed " + settings.seed() + " (" + Runtime.getRuntime().availableProcessors()
                + " cores; load average before " + loadBefore + ", after " + loadAfter + ")");
        lines.add(row("posts", v.posts + "  " + v.byKind));
        lines.add(row("  published once", v.publishedOnce));
        lines.add(row("  unconfirmed", v.unconfirmedCount()));
        v.unconfirmed.forEach((why, n) -> lines.add(row("    " + n + " ×", why)));
        lines.add(row("  failed", v.failedCount()));
        v.failed.forEach((why, n) -> lines.add(row("    " + n + " ×", why)));
        lines.add(row("  deleted before publishing", v.deleted));
        lines.add(row("  lost", v.lost));
        lines.add(row("  duplicated", v.duplicated));
        lines.add(row("  multi-chunk uploads", v.multiChunkUploads));
        lines.add(row("other broken promises", v.violations.size() - v.lost - v.duplicated));
        lines.add(row("dead letters", v.deadLetters.values().stream().mapToLong(Long::longValue).sum()));
        lines.add(row("racing calls (answer × count)", racingCalls(workload.posts())));
        lines.add(row("creations found after a lost answer", workload.creationsAfterLostAnswer.get()));
        lines.add(row("500 answers to the workload", workload.serverErrors.get()));
        lines.add(row("time to drain after the last fault", Verdict.seconds(drain)
                + " (bound " + Verdict.seconds(settings.drainBound()) + ")"));
        lines.add("faults");
        faults.forEach((kind, n) -> lines.add(row("  " + kind, n)));
        tiktokFaults.forEach((kind, n) -> lines.add(row("  TikTok " + kind, n)));
        lines.add("restarts by the supervisor");
        processes.forEach((name, status) -> lines.add(row("  " + name, status.restarts())));
        lines.add(row("run took", Verdict.seconds(Duration.between(started, Instant.now()))));
        if (!v.violations.isEmpty()) {
            lines.add("BROKEN PROMISES");
            v.violations.forEach(violation -> lines.add("  " + violation));
        }
        lines.add(v.passed() ? "VERDICT: nothing lost, nothing duplicated, every promise kept"
                : "VERDICT: FAILED");
        return String.join("\n", lines);
    }

    /** E.g. {@code edit 200×9 409×4}: how the services answered the calls that raced the dispatcher. */
    private static String racingCalls(List<PlannedPost> posts) {
        Map<String, Map<Integer, Integer>> calls = new java.util.TreeMap<>();
        posts.forEach(p -> p.calls.forEach(c -> calls.computeIfAbsent(c.what(), k -> new java.util.TreeMap<>())
                .merge(c.status(), 1, Integer::sum)));
        List<String> parts = new ArrayList<>();
        calls.forEach((what, answers) -> {
            StringBuilder part = new StringBuilder(what);
            answers.forEach((status, n) -> part.append(' ').append(status == Http.NO_ANSWER ? "lost" : status)
                    .append('×').append(n));
            parts.add(part.toString());
        });
        return String.join(", ", parts);
    }

    private static String row(String label, Object value) {
        return String.format("%-40s %s", label, value);
    }

    private void log(String line) {
        out.println("[" + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
        out.flush();
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Http.sleep(millis);
        }
    }

    /** The 1, 5 and 15 minute load averages, as the machine's load while the run ran. */
    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
