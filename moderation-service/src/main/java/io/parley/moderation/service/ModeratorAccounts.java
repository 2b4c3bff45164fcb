package io.parley.moderation.service;

import io.parley.moderation.config.ModerationConfig;
import io.parley.moderation.domain.Moderator;
import io.parley.moderation.repository.ModeratorRepository;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Moderator accounts with bcrypt-hashed passwords. The first admin, {@code admin}, is created at
 * start from {@code parley.moderation.admin-password} when no admin exists; there is no default.
 */
@ApplicationScoped
public class ModeratorAccounts {

    public static final String FIRST_ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(ModeratorAccounts.class);
    /** Compared against for unknown users, so they take as long to refuse as wrong passwords. */
    private static final String NO_SUCH_USER_HASH = BcryptUtil.bcryptHash("no such moderator");

    private final ModeratorRepository moderators;
    private final Clock clock;
    private final Optional<String> adminPassword;
    private final VerifiedPasswords verified = new VerifiedPasswords();

    public ModeratorAccounts(ModeratorRepository moderators, Clock clock, ModerationConfig config) {
        this.moderators = moderators;
        this.clock = clock;
        this.adminPassword = config.adminPassword();
    }

    void createFirstAdmin(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> {
            // one instance at a time, so replicas starting together create one admin
            moderators.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(4020)").getSingleResult();
            if (moderators.enabledAdmins() > 0) {
                return;
            }
            if (adminPassword.isEmpty() || adminPassword.get().isBlank()) {
                LOG.warn("no moderator admin exists and parley.moderation.admin-password (PARLEY_ADMIN_PASSWORD) is "
                        + "not set: nobody can sign in to the console");
                return;
            }
            Moderator admin = moderators.findById(FIRST_ADMIN);
            if (admin == null) {
                admin = newAccount(FIRST_ADMIN, adminPassword.get(), Moderator.Role.admin);
                moderators.persist(admin);
            } else {
                admin.passwordHash = BcryptUtil.bcryptHash(adminPassword.get());
                admin.role = Moderator.Role.admin;
                admin.enabled = true;
            }
            LOG.infof("created the first moderator admin, '%s', from configuration", FIRST_ADMIN);
        });
    }

    /**
     * The enabled account with this name and password. Blocking (the database, and bcrypt unless the
     * same password matched the same stored hash within the last minutes: API clients send their
     * credentials with every request, and bcrypt is deliberately slow).
     */
    public Optional<Moderator> authenticate(String username, String password) {
        Moderator account = QuarkusTransaction.requiringNew().call(() -> moderators.findById(username));
        if (account != null && verified.recently(account.passwordHash, password)) {
            return account.enabled ? Optional.of(account) : Optional.empty();
        }
        boolean matches = BcryptUtil.matches(password, account == null ? NO_SUCH_USER_HASH : account.passwordHash);
        if (matches && account != null) {
            verified.remember(account.passwordHash, password);
        }
        return matches && account != null && account.enabled ? Optional.of(account) : Optional.empty();
    }

    /** The enabled account of a signed-in session. */
    public Optional<Moderator> enabled(String username) {
        return QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(moderators.findById(username))
                .filter(m -> m.enabled));
    }

    public List<Moderator> list() {
        return QuarkusTransaction.requiringNew().call(() -> moderators.listAll(io.quarkus.panache.common.Sort.by(
                "username")));
    }

    public Moderator create(String username, String password, Moderator.Role role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (moderators.findById(username) != null) {
                throw new Conflict("moderator " + username + " exists");
            }
            Moderator account = newAccount(username, password, role);
            moderators.persist(account);
            return account;
        });
    }

    /** Changes what is given (null keeps it); never leaves Parley without an enabled admin. */
    public Moderator update(String username, String password, Moderator.Role role, Boolean enabled) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Moderator account = require(username);
            boolean wasAdmin = account.enabled && account.role == Moderator.Role.admin;
            if (password != null) {
                account.passwordHash = BcryptUtil.bcryptHash(password);
            }
            if (role != null) {
                account.role = role;
            }
            if (enabled != null) {
                account.enabled = enabled;
            }
            moderators.flush();
            if (wasAdmin && moderators.enabledAdmins() == 0) {
                throw new Conflict(username + " is the last enabled admin");
            }
            return account;
        });
    }

    public void delete(String username) {
        QuarkusTransaction.requiringNew().run(() -> {
            Moderator account = require(username);
            moderators.delete(account);
            moderators.flush();
            if (account.role == Moderator.Role.admin && account.enabled && moderators.enabledAdmins() == 0) {
                throw new Conflict(username + " is the last enabled admin");
            }
        });
    }

    private Moderator require(String username) {
        Moderator account = moderators.findById(username);
        if (account == null) {
            throw new NoSuchElementException("no moderator " + username);
        }
        return account;
    }

    private Moderator newAccount(String username, String password, Moderator.Role role) {
        Moderator account = new Moderator();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.role = role;
        account.enabled = true;
        account.createdAt = Instant.now(clock);
        return account;
    }
}
