package io.tiktimer.post.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.post.Post;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class PostRepository implements PanacheRepository<Post> {

    /** The caller's post, locked: the dispatcher skips locked rows, so an edit and a claim never interleave. */
    public Optional<Post> findOwnedForUpdate(long id, long userId) {
        return find("id = ?1 and userId = ?2", id, userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Optional<Post> findOwned(long id, long userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }
}
