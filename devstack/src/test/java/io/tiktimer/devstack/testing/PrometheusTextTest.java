package io.tiktimer.devstack.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # TYPE http_server_requests_seconds counter
            http_server_requests_seconds_count{method="POST",status="201",uri="/posts"} 17.0 # {span_id="0957cdec1f4b5754",trace_id="c3fac0ec1ddb4215b79e607efa206501"} 1.0 1796409027.260
            http_server_requests_seconds_count{method="GET",status="200",uri="/posts"} 19.0
            """;

    @Test
    void readsASampleWithOrWithoutTheExemplarOfASampledTrace() {
        assertThat(PrometheusText.value(SCRAPE,
                "http_server_requests_seconds_count{method=\"POST\",status=\"201\",uri=\"/posts\"}")).isEqualTo(17.0);
        assertThat(PrometheusText.value(SCRAPE,
                "http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/posts\"}")).isEqualTo(19.0);
    }

    @Test
    void aSeriesNotYetCountedIsZero() {
        assertThat(PrometheusText.value(SCRAPE, "tiktimer_outbox_sent_total{topic=\"post.due\"}")).isZero();
    }
}
