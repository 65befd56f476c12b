package io.tiktimer.auth.service;

import io.tiktimer.servicekit.problem.Problems;
import io.tiktimer.auth.User;
import io.tiktimer.auth.repository.UserRepository;
import io.tiktimer.contracts.SessionsRevoked;
import io.tiktimer.contracts.UserDeleted;
import io.tiktimer.servicekit.messaging.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Accounts: registration, profile changes, deletion (which other services learn of through {@code user.deleted}). */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final UserRepository users;
    private final Outbox outbox;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final SessionService sessions;
    private final Clock clock;

    public AccountService(UserRepository users, Outbox outbox, PasswordHasher hasher, PasswordPolicy policy,
                          SessionService sessions, Clock clock) {
        this.clock = clock;
        this.users = users;
        this.outbox = outbox;
        this.hasher = hasher;
        this.policy = policy;
        this.sessions = sessions;
    }

    /** The validated input of a registration. */
    public record Registration(String username, String email, String password) {
    }

    /** A profile change; null fields stay as they are. */
    public record Change(String email, String password, String currentPassword) {
    }

    @Transactional
    public User register(Registration registration) {
        policy.check("password", registration.password(), registration.username(), registration.email());
        if (users.usernameTaken(registration.username())) {
            throw AuthProblems.duplicate("username");
        }
        if (users.emailTaken(registration.email(), null)) {
            throw AuthProblems.duplicate("email");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User user = new User();
        user.username = registration.username();
        user.email = registration.email();
        user.passwordHash = hasher.hash(registration.password());
        user.createdAt = now;
        user.updatedAt = now;
        persistUnique(user);
        LOG.infof("User %d registered", user.id);
        return user;
    }

    @Transactional
    public User find(long userId) {
        return users.findById(userId);
    }

    /**
     * Changing the email or the password requires the current password, so a stolen access token alone cannot take
     * the account over. A new password ends every other session.
     */
    @Transactional
    public User change(long userId, UUID currentSession, Change change) {
        User user = users.findById(userId);
        if (user == null) {
            throw AuthProblems.unauthorized("Account no longer exists");
        }
        if (change.email() == null && change.password() == null) {
            return user;
        }
        if (change.currentPassword() == null || !hasher.matches(change.currentPassword(), user.passwordHash)) {
            throw Problems.invalid("current_password", "is required and must be the account's current password");
        }
        if (change.email() != null && !change.email().equalsIgnoreCase(user.email)) {
            if (users.emailTaken(change.email(), user.id)) {
                throw AuthProblems.duplicate("email");
            }
            user.email = change.email();
        }
        if (change.password() != null) {
            policy.check("password", change.password(), user.username, user.email);
            user.passwordHash = hasher.hash(change.password());
            sessions.revokeAllExcept(user.id, currentSession);
            LOG.infof("User %d changed their password; other sessions revoked", user.id);
        }
        user.updatedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        persistUnique(user);
        return user;
    }

    /** Deletes the account and, in the same transaction, queues {@code user.deleted} in the outbox. */
    @Transactional
    public void delete(long userId) {
        User user = users.findById(userId);
        if (user == null) {
            throw AuthProblems.unauthorized("Account no longer exists");
        }
        users.delete(user);
        UserDeleted event = UserDeleted.of(userId);
        outbox.append(event);
        // every service refuses the deleted user's unexpired access tokens at once, not only after the clean-up
        outbox.append(SessionsRevoked.everySession(userId));
        LOG.infof("User %d deleted; %s %s queued", userId, UserDeleted.TYPE, event.eventId());
    }

    /** The pre-checks above race with concurrent registrations; the unique indexes decide, and say which field lost. */
    private void persistUnique(User user) {
        try {
            users.persistAndFlush(user);
        } catch (PersistenceException e) {
            ConstraintViolationException violation = findViolation(e);
            if (violation != null && violation.getConstraintName() != null) {
                String constraint = violation.getConstraintName();
                if (constraint.contains("users_email_key")) {
                    throw AuthProblems.duplicate("email");
                }
                if (constraint.contains("users_username_key")) {
                    throw AuthProblems.duplicate("username");
                }
            }
            throw e;
        }
    }

    private static ConstraintViolationException findViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return violation;
            }
        }
        return null;
    }
}
