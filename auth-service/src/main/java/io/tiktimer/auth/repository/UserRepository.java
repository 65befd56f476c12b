package io.tiktimer.auth.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tiktimer.auth.User;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class UserRepository implements PanacheRepository<User> {

    /** The login form's "username" field accepts either the username or the email, case-insensitively. */
    public Optional<User> findByLogin(String usernameOrEmail) {
        String login = usernameOrEmail.toLowerCase(java.util.Locale.ROOT);
        return find("lower(username) = ?1 or lower(email) = ?1", login).firstResultOptional();
    }

    public boolean usernameTaken(String username) {
        return count("lower(username) = ?1", username.toLowerCase(java.util.Locale.ROOT)) > 0;
    }

    public boolean emailTaken(String email, Long exceptUserId) {
        return count("lower(email) = ?1 and id <> ?2", email.toLowerCase(java.util.Locale.ROOT),
                exceptUserId == null ? -1L : exceptUserId) > 0;
    }
}
