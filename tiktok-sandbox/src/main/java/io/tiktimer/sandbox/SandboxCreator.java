package io.tiktimer.sandbox;

import java.util.List;

/**
 * A TikTok account that can log in through the consent page and post. Mutable so a test can switch the
 * account to private, ban it or lower its cap between two calls, which is what real creators do.
 */
public final class SandboxCreator {
    public static final List<String> PUBLIC_ACCOUNT_PRIVACY_OPTIONS =
            List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
    public static final List<String> PRIVATE_ACCOUNT_PRIVACY_OPTIONS =
            List.of("FOLLOWER_OF_CREATOR", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");

    private final String openId;
    private volatile String unionId;
    private volatile String username;
    private volatile String displayName;
    private volatile String avatarUrl;
    private volatile String bioDescription = "";
    private volatile boolean verified;
    private volatile long followerCount;
    private volatile long followingCount;
    private volatile long likesCount;
    private volatile boolean privateAccount;
    private volatile List<String> privacyLevelOptions;
    private volatile boolean commentDisabled;
    private volatile boolean duetDisabled;
    private volatile boolean stitchDisabled;
    private volatile int maxVideoPostDurationSec = 300;
    private volatile int dailyPostCap = 15;
    private volatile boolean banned;
    private volatile String appVersion = "35.0.0";
    private volatile ProbeOutcome probeOutcome;

    public SandboxCreator(String openId, String username) {
        this.openId = openId;
        this.username = username;
        this.displayName = username;
        this.unionId = "union-" + openId;
        this.avatarUrl = "https://p16-sign.tiktokcdn-us.com/sandbox/" + username + ".jpeg";
    }

    public String openId() {
        return openId;
    }

    public String unionId() {
        return unionId;
    }

    public SandboxCreator unionId(String value) {
        this.unionId = value;
        return this;
    }

    public String username() {
        return username;
    }

    public SandboxCreator username(String value) {
        this.username = value;
        return this;
    }

    public String displayName() {
        return displayName;
    }

    public SandboxCreator displayName(String value) {
        this.displayName = value;
        return this;
    }

    public String avatarUrl() {
        return avatarUrl;
    }

    public SandboxCreator avatarUrl(String value) {
        this.avatarUrl = value;
        return this;
    }

    public String bioDescription() {
        return bioDescription;
    }

    public SandboxCreator bioDescription(String value) {
        this.bioDescription = value;
        return this;
    }

    public boolean verified() {
        return verified;
    }

    public SandboxCreator verified(boolean value) {
        this.verified = value;
        return this;
    }

    public long followerCount() {
        return followerCount;
    }

    public long followingCount() {
        return followingCount;
    }

    public long likesCount() {
        return likesCount;
    }

    public SandboxCreator stats(long followers, long following, long likes) {
        this.followerCount = followers;
        this.followingCount = following;
        this.likesCount = likes;
        return this;
    }

    public boolean privateAccount() {
        return privateAccount;
    }

    /** Flipping the account also changes the privacy options, as TikTok does, unless options were set explicitly. */
    public SandboxCreator privateAccount(boolean value) {
        this.privateAccount = value;
        return this;
    }

    public List<String> privacyLevelOptions() {
        List<String> explicit = privacyLevelOptions;
        if (explicit != null) {
            return explicit;
        }
        return privateAccount ? PRIVATE_ACCOUNT_PRIVACY_OPTIONS : PUBLIC_ACCOUNT_PRIVACY_OPTIONS;
    }

    public SandboxCreator privacyLevelOptions(List<String> options) {
        this.privacyLevelOptions = options == null ? null : List.copyOf(options);
        return this;
    }

    public boolean commentDisabled() {
        return commentDisabled;
    }

    public SandboxCreator commentDisabled(boolean value) {
        this.commentDisabled = value;
        return this;
    }

    /** TikTok reports duet as disabled for every private account. */
    public boolean duetDisabled() {
        return duetDisabled || privateAccount;
    }

    public SandboxCreator duetDisabled(boolean value) {
        this.duetDisabled = value;
        return this;
    }

    public boolean stitchDisabled() {
        return stitchDisabled || privateAccount;
    }

    public SandboxCreator stitchDisabled(boolean value) {
        this.stitchDisabled = value;
        return this;
    }

    public int maxVideoPostDurationSec() {
        return maxVideoPostDurationSec;
    }

    public SandboxCreator maxVideoPostDurationSec(int value) {
        this.maxVideoPostDurationSec = value;
        return this;
    }

    public int dailyPostCap() {
        return dailyPostCap;
    }

    public SandboxCreator dailyPostCap(int value) {
        this.dailyPostCap = value;
        return this;
    }

    public boolean banned() {
        return banned;
    }

    public SandboxCreator banned(boolean value) {
        this.banned = value;
        return this;
    }

    public String appVersion() {
        return appVersion;
    }

    /** Photo MEDIA_UPLOAD needs the TikTok app at 31.8 or later. */
    public SandboxCreator appVersion(String value) {
        this.appVersion = value;
        return this;
    }

    public ProbeOutcome probeOutcome() {
        return probeOutcome;
    }

    /** Applies to every upload of this creator that has no more specific outcome. */
    public SandboxCreator probeOutcome(ProbeOutcome outcome) {
        this.probeOutcome = outcome;
        return this;
    }
}
