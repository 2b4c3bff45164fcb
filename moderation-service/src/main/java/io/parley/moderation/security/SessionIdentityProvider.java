package io.parley.moderation.security;

import io.parley.moderation.service.ModeratorAccounts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The console's session cookie names a moderator who signed in earlier; every request looks the
 * account up again, so a disabled account or a changed role takes effect at once.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final ModeratorAccounts accounts;

    public SessionIdentityProvider(ModeratorAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> accounts.enabled(request.getPrincipal())
                .map(ModeratorIdentities::of)
                .orElseThrow(() -> new AuthenticationFailedException("account no longer enabled")));
    }
}
