package io.tiktimer.tiktok.rest;

/**
 * The small self-contained page the browser sees after TikTok's consent page when no client URL is configured.
 * Inline CSS only, no scripts, no external assets, every dynamic value escaped.
 */
final class ResultPage {

    private ResultPage() {
    }

    static String render(boolean success, String heading, String message) {
        String accent = success ? "#0a7d38" : "#b3261e";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>TikTimer - " + escape(heading) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;background:#f6f6f7;margin:0;display:flex;"
                + "min-height:100vh;align-items:center;justify-content:center}"
                + "main{background:#fff;border-radius:12px;padding:2rem 2.5rem;max-width:32rem;"
                + "box-shadow:0 2px 12px rgba(0,0,0,.08)}h1{color:" + accent + ";font-size:1.4rem;margin-top:0}"
                + "p{color:#333;line-height:1.5}</style></head><body><main>"
                + "<h1 data-result=\"" + (success ? "success" : "failure") + "\">" + escape(heading) + "</h1>"
                + "<p>" + escape(message) + "</p>"
                + "<p>You can close this window and return to TikTimer.</p>"
                + "</main></body></html>";
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
