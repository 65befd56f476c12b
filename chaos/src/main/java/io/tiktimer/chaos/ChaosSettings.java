package io.tiktimer.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one chaos run does: how many posts over how many accounts, due over which window, faults for how long, and the
 * seed every random choice is drawn from (printed, so a run can be repeated with {@code --seed}).
 *
 * @param posts       posts scheduled in all
 * @param accounts    connected sandbox accounts (one user each); at most {@link #POSTS_PER_ACCOUNT_AT_REAL_CAPS} posts
 *                    each keep TikTok's real caps (15 direct posts and 5 inbox shares a day, 6 inits a minute)
 * @param dueWindow   the posts fall due evenly over this window
 * @param faultPeriod faults keep coming for this long from the window's start
 * @param drainBound  every post must be terminal this long after the last fault ends
 * @param realCaps    false raises the per-account caps of the workers and the sandbox (the long run)
 */
public record ChaosSettings(int posts, int accounts, long seed, Duration dueWindow, Duration faultPeriod,
                            Duration drainBound, boolean realCaps, Path workDirectory) {

    /** 8 direct (video and photo) and 2 inbox posts: inside TikTok's daily caps with room for the racing calls. */
    static final int POSTS_PER_ACCOUNT_AT_REAL_CAPS = 10;

    public ChaosSettings {
        if (posts < 1 || accounts < 1) {
            throw new IllegalArgumentException("posts and accounts must be positive");
        }
        if (realCaps && posts > accounts * POSTS_PER_ACCOUNT_AT_REAL_CAPS) {
            throw new IllegalArgumentException("at TikTok's real caps an account takes at most "
                    + POSTS_PER_ACCOUNT_AT_REAL_CAPS + " posts a day: use more accounts or --raised-caps");
        }
    }

    /** The run inside {@code ./mvnw verify}: a few hundred posts, every fault kind at least once, a few minutes. */
    public static ChaosSettings shortRun(long seed, Path workDirectory) {
        return new ChaosSettings(200, 20, seed, Duration.ofSeconds(120), Duration.ofSeconds(150),
                Duration.ofMinutes(5), true, workDirectory);
    }

    /** The benchmark: 10,000 posts over 50 accounts with faults throughout (caps raised: 200 posts an account). */
    public static ChaosSettings longRun(long seed, Path workDirectory) {
        return new ChaosSettings(10_000, 50, seed, Duration.ofMinutes(40), Duration.ofMinutes(40),
                Duration.ofMinutes(15), false, workDirectory);
    }

    /** A fresh seed when none was asked for; printed with the run. */
    static long newSeed() {
        return ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
    }

    /** {@code --long}, {@code --seed N}, {@code --posts N}, {@code --accounts N}, {@code --window 120s}. */
    static ChaosSettings fromArguments(Map<String, String> args, Path workDirectory) {
        long seed = Optional.ofNullable(args.get("seed")).map(Long::parseLong).orElseGet(ChaosSettings::newSeed);
        ChaosSettings base = args.containsKey("long") ? longRun(seed, workDirectory) : shortRun(seed, workDirectory);
        int posts = Optional.ofNullable(args.get("posts")).map(Integer::parseInt).orElse(base.posts());
        int accounts = Optional.ofNullable(args.get("accounts")).map(Integer::parseInt).orElse(base.accounts());
        Duration window = Optional.ofNullable(args.get("window")).map(ChaosSettings::seconds).orElse(base.dueWindow());
        Duration faults = Optional.ofNullable(args.get("faults")).map(ChaosSettings::seconds)
                .orElse(base.faultPeriod().plus(window.minus(base.dueWindow())));
        boolean realCaps = !args.containsKey("raised-caps") && base.realCaps();
        return new ChaosSettings(posts, accounts, seed, window, faults, base.drainBound(), realCaps, workDirectory);
    }

    private static Duration seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value.replaceFirst("s$", "")));
    }
}
