package io.tiktimer.tiktok.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The small self-contained page the browser sees after TikTok's consent page when no client URL is configured:
 * {@code templates/ResultPage/result.html}, a Qute template, so every value is HTML-escaped by default. Inline CSS
 * only, no scripts, no external assets.
 */
final class ResultPage {

    private ResultPage() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance result(boolean success, String heading, String message);
    }

    static String render(boolean success, String heading, String message) {
        return Templates.result(success, heading == null ? "" : heading, message == null ? "" : message).render();
    }
}
