package io.tiktimer.post.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.contracts.AccountStatus;
import io.tiktimer.post.TikTokAccount;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class TikTokAccountRepository implements PanacheRepository<TikTokAccount> {

    public List<TikTokAccount> connectedOf(long userId) {
        return list("userId = ?1 and status = ?2 order by id", userId, AccountStatus.CONNECTED);
    }
}
