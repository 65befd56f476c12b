package io.tiktimer.post.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.post.Media;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class MediaRepository implements PanacheRepository<Media> {

    public Optional<Media> findOwned(long id, long userId) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }
}
