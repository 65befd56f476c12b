package io.tiktimer.servicekit.logging;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

    @Test
    void namesThePostWhileOpenAndLeavesNothingBehindForTheThreadsNextTask() {
        try (LogContext ignored = LogContext.post(42, 7)) {
            assertThat(MDC.get(LogContext.POST_ID)).isEqualTo(42L);
            assertThat(MDC.get(LogContext.TIKTOK_ACCOUNT_ID)).isEqualTo(7L);
        }
        assertThat(MDC.get(LogContext.POST_ID)).isNull();
        assertThat(MDC.get(LogContext.TIKTOK_ACCOUNT_ID)).isNull();
    }

    @Test
    void aFailingTaskStillClearsItsContext() {
        try (LogContext ignored = LogContext.post(1, 2)) {
            throw new IllegalStateException("the attempt failed");
        } catch (IllegalStateException expected) {
            assertThat(MDC.get(LogContext.POST_ID)).isNull();
        }
    }
}
