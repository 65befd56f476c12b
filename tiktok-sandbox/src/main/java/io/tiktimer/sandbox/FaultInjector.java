package io.tiktimer.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Queues of faults per endpoint and per future publication; each queued fault fires exactly once. */
public final class FaultInjector {
    private final Map<SandboxEndpoint, Deque<Fault>> endpointFaults = new EnumMap<>(SandboxEndpoint.class);
    private final Deque<PublishFault> publishFaults = new ArrayDeque<>();
    private final Deque<ProbeOutcome> probeOutcomes = new ArrayDeque<>();
    private final Map<String, Long> fired = new TreeMap<>();
    private RandomFaults random;

    /** The next {@code times} calls to {@code endpoint} misbehave as {@code fault}. */
    public synchronized FaultInjector failNext(SandboxEndpoint endpoint, int times, Fault fault) {
        Deque<Fault> queue = endpointFaults.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.addLast(fault);
        }
        return this;
    }

    /** The next {@code times} accepted inits get this status-machine fault. */
    public synchronized FaultInjector nextPublications(int times, PublishFault fault) {
        for (int i = 0; i < times; i++) {
            publishFaults.addLast(fault);
        }
        return this;
    }

    /** The media of the next accepted inits is judged as {@code outcomes}, in order. */
    public synchronized FaultInjector nextProbeOutcomes(ProbeOutcome... outcomes) {
        probeOutcomes.addAll(List.of(outcomes));
        return this;
    }

    /** Besides the queued faults, a share of all calls misbehaves as {@code faults} says; {@code null} ends it. */
    public synchronized FaultInjector randomly(RandomFaults faults) {
        this.random = faults;
        return this;
    }

    public synchronized Optional<Fault> takeFor(SandboxEndpoint endpoint) {
        Deque<Fault> queue = endpointFaults.get(endpoint);
        Optional<Fault> fault = queue == null ? Optional.empty() : Optional.ofNullable(queue.pollFirst());
        if (fault.isEmpty() && random != null) {
            fault = random.draw(endpoint);
        }
        fault.ifPresent(f -> fired.merge(endpoint + " " + f.kind(), 1L, Long::sum));
        return fault;
    }

    public synchronized Optional<PublishFault> takePublishFault() {
        Optional<PublishFault> fault = Optional.ofNullable(publishFaults.pollFirst());
        if (fault.isEmpty() && random != null) {
            fault = random.drawPublishFault();
        }
        fault.ifPresent(f -> fired.merge("publication " + (f.stuck() ? "STUCK" : f.failReasonAfterComplete() != null
                ? "FAIL_AFTER_SUCCESS" : "SLOW_PROCESSING"), 1L, Long::sum));
        return fault;
    }

    /** How many faults fired, by "ENDPOINT KIND" (and "publication KIND"), queued and random alike. */
    public synchronized Map<String, Long> fired() {
        return new TreeMap<>(fired);
    }

    public synchronized Optional<ProbeOutcome> takeProbeOutcome() {
        return Optional.ofNullable(probeOutcomes.pollFirst());
    }

    public synchronized List<String> pending() {
        List<String> out = new ArrayList<>();
        endpointFaults.forEach((endpoint, queue) -> queue.forEach(f -> out.add(endpoint + ": " + f)));
        publishFaults.forEach(f -> out.add("publication: " + f));
        probeOutcomes.forEach(p -> out.add("probe: " + p));
        return out;
    }

    public synchronized void clear() {
        random = null;
        endpointFaults.clear();
        publishFaults.clear();
        probeOutcomes.clear();
    }
}
