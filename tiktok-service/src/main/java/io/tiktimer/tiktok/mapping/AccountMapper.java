package io.tiktimer.tiktok.mapping;

import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.contracts.TikTokAccountChanged;
import io.tiktimer.tiktok.ConnectionStatus;
import io.tiktimer.tiktok.TikTokAccount;
import io.tiktimer.tiktok.rest.AccountResponse;
import io.tiktimer.tiktok.rest.InternalAccountResponse;

import java.time.Instant;
import java.util.UUID;

/** Entity → API and entity → event. Tokens have no place in either. */
public final class AccountMapper {

    private AccountMapper() {
    }

    public static AccountResponse toResponse(TikTokAccount account) {
        return new AccountResponse(account.id, account.openId, account.displayName, account.username,
                account.avatarUrl, statusName(account.status), account.scopeList(), account.connectedAt,
                account.accessTokenExpiresAt);
    }

    public static InternalAccountResponse toInternal(TikTokAccount account) {
        return new InternalAccountResponse(account.id, account.userId, account.openId, statusName(account.status),
                account.accessTokenExpiresAt);
    }

    public static String statusName(ConnectionStatus status) {
        return status.name().toLowerCase();
    }

    public static TikTokAccountChanged toEvent(TikTokAccount account, AccountStatus status, Instant now) {
        return new TikTokAccountChanged(UUID.randomUUID(), TikTokAccountChanged.TYPE, TikTokAccountChanged.VERSION,
                now, account.id, account.userId, account.openId, account.displayName, account.username, status,
                account.scopeList());
    }

    public static AccountStatus eventStatus(ConnectionStatus status) {
        return switch (status) {
            case CONNECTED -> AccountStatus.CONNECTED;
            case NEEDS_RECONNECT -> AccountStatus.NEEDS_RECONNECT;
        };
    }
}
