package io.tiktimer.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Misbehaviour for a share of all calls rather than for the next few: what a chaos run needs to meet every kind of
 * TikTok failure at unplanned moments. Drawn from one seeded {@link Random}, so a run with the same seed and the same
 * order of calls meets the same faults (calls from concurrent clients interleave differently, so a repeated run is
 * alike in its mix, not call for call).
 */
public final class RandomFaults {

    private record Choice(double share, List<Supplier<Fault>> kinds) {
    }

    private final Random random;
    private final Map<SandboxEndpoint, Choice> endpoints = new EnumMap<>(SandboxEndpoint.class);
    private double slowProcessingShare;
    private Duration slowProcessingMin = Duration.ZERO;
    private Duration slowProcessingMax = Duration.ZERO;

    public RandomFaults(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A share (0..1) of the calls to {@code endpoint} misbehaves, each as one of {@code kinds} chosen evenly. A kind is
     * a supplier so that, say, a slow answer can draw its own delay.
     */
    @SafeVarargs
    public final RandomFaults on(SandboxEndpoint endpoint, double share, Supplier<Fault>... kinds) {
        if (share < 0 || share > 1 || kinds.length == 0) {
            throw new IllegalArgumentException("a share between 0 and 1 and at least one kind");
        }
        endpoints.put(endpoint, new Choice(share, List.of(kinds)));
        return this;
    }

    /** A share of the accepted inits stays in PROCESSING between {@code min} and {@code max} longer than usual. */
    public RandomFaults slowProcessing(double share, Duration min, Duration max) {
        this.slowProcessingShare = share;
        this.slowProcessingMin = min;
        this.slowProcessingMax = max;
        return this;
    }

    synchronized Optional<Fault> draw(SandboxEndpoint endpoint) {
        Choice choice = endpoints.get(endpoint);
        if (choice == null || random.nextDouble() >= choice.share()) {
            return Optional.empty();
        }
        return Optional.of(choice.kinds().get(random.nextInt(choice.kinds().size())).get());
    }

    synchronized Optional<PublishFault> drawPublishFault() {
        if (slowProcessingShare <= 0 || random.nextDouble() >= slowProcessingShare) {
            return Optional.empty();
        }
        long spread = slowProcessingMax.toMillis() - slowProcessingMin.toMillis();
        long extra = slowProcessingMin.toMillis() + (spread <= 0 ? 0 : (long) (random.nextDouble() * spread));
        return Optional.of(PublishFault.slowProcessing(Duration.ofMillis(extra)));
    }

    /** A delay between {@code min} and {@code max}, from this run's seed. */
    public synchronized Duration between(Duration min, Duration max) {
        long spread = max.toMillis() - min.toMillis();
        return Duration.ofMillis(min.toMillis() + (spread <= 0 ? 0 : (long) (random.nextDouble() * spread)));
    }

    @Override
    public synchronized String toString() {
        List<String> parts = new ArrayList<>();
        endpoints.forEach((e, c) -> parts.add(e + " " + Math.round(c.share() * 100) + " %"));
        if (slowProcessingShare > 0) {
            parts.add("slow processing " + Math.round(slowProcessingShare * 100) + " %");
        }
        return String.join(", ", parts);
    }
}
