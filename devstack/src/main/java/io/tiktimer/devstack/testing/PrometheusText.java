package io.tiktimer.devstack.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text scrape ({@code /q/metrics}), for tests that watch a figure move. */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The value of {@code series} exactly as the scrape names it, labels in Prometheus' order, e.g.
     * {@code tiktimer_outbox_sent_total{topic="post.due"}}; 0 while the series does not exist yet (a counter that
     * has not counted anything). A sample recorded in a sampled trace carries an exemplar after it
     * ({@code ... 17.0 # {span_id="...",trace_id="..."} 1.0 1796409027.260}), which is not part of the value.
     */
    public static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)(?: # \\{.*)?$", Pattern.MULTILINE)
                .matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
