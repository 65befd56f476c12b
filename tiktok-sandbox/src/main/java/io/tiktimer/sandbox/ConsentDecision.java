package io.tiktimer.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the person on TikTok's consent page does: log in as a creator and approve (maybe fewer scopes), or deny. */
public final class ConsentDecision {
    private final String openId;
    private final Set<String> grantedScopes;
    private final boolean approved;

    private ConsentDecision(String openId, Set<String> grantedScopes, boolean approved) {
        this.openId = openId;
        this.grantedScopes = grantedScopes;
        this.approved = approved;
    }

    public static ConsentDecision approveAs(String openId) {
        return new ConsentDecision(openId, null, true);
    }

    public static ConsentDecision deny() {
        return new ConsentDecision(null, null, false);
    }

    /** Unticks every requested scope not listed; {@code user.info.basic} cannot be unticked on TikTok's page. */
    public ConsentDecision grantingOnly(String... scopes) {
        return new ConsentDecision(openId, new LinkedHashSet<>(List.of(scopes)), approved);
    }

    public String openId() {
        return openId;
    }

    public Optional<Set<String>> grantedScopes() {
        return Optional.ofNullable(grantedScopes);
    }

    public boolean approved() {
        return approved;
    }
}
