package io.tiktimer.post.service;

import io.tiktimer.post.Post;
import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.servicekit.problem.Problems.In;

import java.time.Instant;

/**
 * The consent TikTok's Direct Post audit asks a scheduler to keep: what the user agreed to when scheduling (the
 * declaration shown above the button, whose wording follows the commercial content disclosure) and when. The texts
 * themselves belong to the web app's posting screen; this checks only that a declaration fits the disclosure it is
 * stored with, so that what is published later is what was consented to.
 */
final class Consent {

    static final int MAX_DECLARATION = 1000;
    /** Every declaration confirms TikTok's music usage terms; a branded one also its Branded Content Policy. */
    static final String MUSIC_USAGE = "Music Usage Confirmation";
    static final String BRANDED_CONTENT_POLICY = "Branded Content Policy";

    private Consent() {
    }

    /**
     * Records the declaration given with this request, or forgets the stored one when the disclosure changed
     * without a new one (an API client's edit must not keep a consent that no longer describes the post).
     */
    static void apply(Post p, String declaration, boolean disclosureChanged, In in, Instant now) {
        if (declaration == null) {
            if (disclosureChanged) {
                p.consentDeclaration = null;
                p.consentedAt = null;
            }
            return;
        }
        if (declaration.isBlank() || declaration.length() > MAX_DECLARATION) {
            throw Problems.invalid("consent_declaration", in, "must be the declaration shown, 1 to "
                    + MAX_DECLARATION + " characters");
        }
        if (!declaration.contains(MUSIC_USAGE)) {
            throw Problems.invalid("consent_declaration", in, "must confirm TikTok's " + MUSIC_USAGE);
        }
        if (p.brandContentToggle != declaration.contains(BRANDED_CONTENT_POLICY)) {
            throw Problems.invalid("consent_declaration", in, p.brandContentToggle
                    ? "must name TikTok's " + BRANDED_CONTENT_POLICY + " for branded content"
                    : "names the " + BRANDED_CONTENT_POLICY + " but the post is not branded content");
        }
        p.consentDeclaration = declaration;
        p.consentedAt = now;
    }
}
