package org.sintraee.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Checks the admin's user name and password against the credentials file named by the
 * MicroProfile Config property {@value AdminRoles#CREDENTIALS_PROPERTY} (a system property, an
 * environment variable {@code SINTRA_ADMIN_CREDENTIALS}, ...). There is no default password:
 * with the property unset, or the file missing or malformed, nobody can log in and the log
 * says why (once per distinct problem, so failed logins cannot flood it). The file is read on
 * each login, so a new password applies without a restart.
 */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AdminIdentityStore.class.getName());
    private static final long MAX_FILE_BYTES = 4096;

    private final AtomicReference<String> lastProblem = new AtomicReference<>("");

    /** Checks the configuration at deployment, so that its log shows a problem before anyone tries to log in. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        credential();
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential given)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<AdminCredential> stored = credential();
        if (stored.isPresent() && stored.get().matches(given.getCaller(), given.getPassword().getValue())) {
            return new CredentialValidationResult(stored.get().user(), Set.of(AdminRoles.ADMIN));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    /** Validates and provides the group: the identity store handler keeps a store's groups only if it says so. */
    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    private Optional<AdminCredential> credential() {
        Optional<String> path = ConfigProvider.getConfig().getOptionalValue(AdminRoles.CREDENTIALS_PROPERTY, String.class);
        if (path.isEmpty() || path.get().isBlank()) {
            return problem("the property " + AdminRoles.CREDENTIALS_PROPERTY + " is not set (for example"
                    + " -D" + AdminRoles.CREDENTIALS_PROPERTY + "=/etc/sintra/admin.credentials)");
        }
        Path file = Path.of(path.get());
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_FILE_BYTES) {
                return problem(AdminRoles.CREDENTIALS_PROPERTY + "=" + file + " is not a file of at most "
                        + MAX_FILE_BYTES + " bytes");
            }
            AdminCredential parsed = AdminCredential.parse(Files.readString(file, StandardCharsets.UTF_8),
                    AdminRoles.CREDENTIALS_PROPERTY + "=" + file);
            if (!lastProblem.getAndSet("").isEmpty()) {
                LOG.info(() -> "Sintra EE admin: the credentials in " + file + " are usable again");
            }
            return Optional.of(parsed);
        } catch (IOException | IllegalArgumentException e) {
            // the messages name the file and the bad field, never the hash
            return problem("cannot use " + AdminRoles.CREDENTIALS_PROPERTY + "=" + file + ": " + e.getMessage());
        }
    }

    private Optional<AdminCredential> problem(String why) {
        if (!why.equals(lastProblem.getAndSet(why))) {
            LOG.warning("Sintra EE admin: nobody can log in to the admin page: " + why
                    + ". Make the file with org.sintraee.admin.security.AdminPasswordCommand (see the README).");
        }
        return Optional.empty();
    }
}
