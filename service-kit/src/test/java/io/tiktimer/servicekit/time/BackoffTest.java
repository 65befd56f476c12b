package io.tiktimer.servicekit.time;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void doublesFromTheInitialWaitWithEachConsecutiveFailure() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void neverWaitsLongerThanTheCapHoweverManyFailures() {
        assertThat(backoff.after(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.after(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void countsNoFailureAsTheFirst() {
        assertThat(backoff.after(0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(-3)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheWait() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(backoff.withJitter(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        }
    }

    @Test
    void refusesAZeroOrShrinkingBackoff() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
