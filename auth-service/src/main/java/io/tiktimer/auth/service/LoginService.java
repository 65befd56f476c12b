package io.tiktimer.auth.service;

import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.auth.User;
import io.tiktimer.auth.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;
import java.util.Optional;

/**
 * Password login. Deliberately not one transaction: the Argon2 verification takes tens of milliseconds and must not
 * hold a database connection, and a failure must be counted even though the request fails.
 */
@ApplicationScoped
public class LoginService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;

    public LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, SessionService sessions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public SessionService.Tokens login(String login, String password, String clientAddress) {
        Optional<User> user = users.findByLogin(login);
        // counted against the user, whichever of username or email was typed; unknown logins still count per name
        String account = user.map(u -> "user-" + u.id).orElse("login-" + login.toLowerCase(Locale.ROOT));
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(account, clientAddress);
        throttle.checkAllowed(attempt);
        boolean valid;
        if (user.isPresent()) {
            valid = hasher.matches(password, user.get().passwordHash);
        } else {
            hasher.burnDecoy(password);
            valid = false;
        }
        if (!valid) {
            throttle.recordFailure(attempt);
            throw AuthProblems.badCredentials();
        }
        if (!user.get().active) {
            throw Problems.badRequest("Inactive user");
        }
        throttle.recordSuccess(attempt);
        return sessions.start(user.get());
    }
}
