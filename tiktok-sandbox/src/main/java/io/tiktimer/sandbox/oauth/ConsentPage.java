package io.tiktimer.sandbox.oauth;

import io.tiktimer.sandbox.DemoAccounts;
import io.tiktimer.sandbox.SandboxCreator;
import java.util.Collection;
import java.util.Map;

/** The HTML a person sees instead of TikTok's login and consent screens during a local run. */
final class ConsentPage {
    private ConsentPage() {
    }

    static String render(Map<String, String> originalParams, AuthorizeCheck.Valid request, Collection<SandboxCreator> creators) {
        StringBuilder html = new StringBuilder(2048);
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>TikTok sandbox - authorize</title>")
                .append("<style>body{font-family:sans-serif;max-width:36em;margin:2em auto}fieldset{margin:1em 0}")
                .append("button{padding:.5em 1.5em;margin-right:1em}</style></head><body>")
                .append("<h1>TikTok sandbox</h1><p><b>").append(escape(request.app().clientKey()))
                .append("</b> would like to access your TikTok account.</p>")
                .append("<form method=\"post\" action=\"/v2/auth/authorize/\">");
        originalParams.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        html.append("<fieldset><legend>Log in as</legend>");
        for (SandboxCreator creator : creators) {
            // Only the demo creator is preselected (or nothing): the list is alphabetical, and a newcomer following
            // the tour would otherwise approve as whichever account sorts first, the banned one included.
            boolean preselected = DemoAccounts.PUBLIC_CREATOR_OPEN_ID.equals(creator.openId());
            html.append("<label><input type=\"radio\" name=\"open_id\" value=\"").append(escape(creator.openId()))
                    .append("\" required").append(preselected ? " checked" : "").append("> ")
                    .append(escape(creator.displayName())).append(" (@").append(escape(creator.username()))
                    .append(creator.privateAccount() ? ", private" : ", public")
                    .append(creator.banned() ? ", banned from posting" : "").append(")</label><br>");
        }
        html.append("</fieldset><fieldset><legend>Allow</legend>");
        for (String scope : request.requestedScopes()) {
            html.append("<label><input type=\"checkbox\" name=\"granted_scope\" value=\"").append(escape(scope))
                    .append("\" checked> ").append(escape(scope)).append("</label><br>");
        }
        html.append("</fieldset><button type=\"submit\" name=\"decision\" value=\"approve\">Authorize</button>")
                .append("<button type=\"submit\" name=\"decision\" value=\"deny\">Cancel</button></form></body></html>");
        return html.toString();
    }

    static String error(String error, String description) {
        return "<!doctype html><html><head><meta charset=\"utf-8\"><title>TikTok sandbox - error</title></head><body>"
                + "<h1>Something went wrong</h1><p id=\"error\">" + escape(error) + "</p><p>" + escape(description)
                + "</p></body></html>";
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
