package io.tiktimer.gateway.e2e;

import io.tiktimer.devstack.RepositoryLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real Chromium against the real system: the README's run command starts the stack (real
 * services, PostgreSQL, Kafka, S3, the TikTok sandbox, and the gateway serving the app Quinoa built into its jar),
 * then the browser tests in {@code webapp/e2e/run.mjs} ({@code npm run e2e}) drive it through the printed gateway
 * URL: public pages with axe-core, sign-up with the API's field errors, the signed-in shell at desktop and phone
 * width, connecting the sandbox's demo creator through its consent page, sign-out ending the session on the server,
 * keyboard-only sign-in, a reload keeping the session (HttpOnly cookie), the "Post to TikTok" screen point by point
 * of TikTok's audit up to a post published in the sandbox, password change and account deletion. Screenshots land in
 * {@code gateway/target/screenshots}. npm packages (playwright-core, the Chromium of @sparticuz/chromium, axe-core)
 * are the ones Quinoa's {@code npm ci} installed during package.
 */
class WebAppIT {

    private static final Path WEBAPP = RepositoryLayout.root().resolve("webapp");
    private static RunningStack stack;

    @BeforeAll
    static void runTheRunCommand() throws Exception {
        stack = RunningStack.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.stop("INT");
        }
    }

    @Test
    void theWebAppPassesItsBrowserTestsAgainstTheRealStack() throws Exception {
        assertThat(WEBAPP.resolve("node_modules/playwright-core")).as(
                "webapp's npm packages, which the gateway's package phase installs (Quinoa runs npm ci)").exists();
        Path screenshots = RepositoryLayout.root().resolve("gateway/target/screenshots");
        Files.createDirectories(screenshots);
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "--silent", "e2e")
                .directory(WEBAPP.toFile())
                .redirectErrorStream(true);
        builder.environment().put("BASE_URL", stack.gateway());
        builder.environment().put("SCREENSHOT_DIR", screenshots.toString());
        builder.environment().put("SANDBOX_API_URL", stack.components().get("tiktok-sandbox-api"));
        // Videos for the posting screen, generated as the other end-to-end tests generate theirs: an 8 MB one of
        // 12 s (big enough for a throttled upload to show its progress) and one of 200 s, longer than the sandbox's
        // quiet creator may post (180 s), and one of 40 MB.
        builder.environment().put("E2E_VIDEO", TestVideo.of(8_000_000, 12).file().toString());
        builder.environment().put("E2E_LONG_VIDEO", TestVideo.of(2_000_000, 200).file().toString());
        // above the web app's direct-to-S3 threshold (32 MiB): uploaded with a presigned PUT
        builder.environment().put("E2E_BIG_VIDEO", TestVideo.of(40_000_000, 30).file().toString());
        Process browserTests = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(browserTests.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    System.out.println("[e2e] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "webapp-e2e-output");
        reader.start();
        boolean finished = browserTests.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            browserTests.descendants().forEach(ProcessHandle::destroyForcibly);
            browserTests.destroyForcibly();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        String printed;
        synchronized (output) {
            printed = output.toString();
        }
        assertThat(finished).as("the browser tests finished within 10 minutes:\n" + printed).isTrue();
        assertThat(browserTests.exitValue()).as("npm run e2e exit code; its output:\n" + printed).isZero();
        assertThat(printed).contains("browser checks passed").doesNotContain("NOT OK");
    }
}
