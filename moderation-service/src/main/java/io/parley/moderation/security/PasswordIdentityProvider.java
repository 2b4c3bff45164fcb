package io.parley.moderation.security;

import io.parley.moderation.service.ModeratorAccounts;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a username and password (HTTP Basic on the API, the console's login form) against the accounts. */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final ModeratorAccounts accounts;
    private final LoginThrottle throttle;

    public PasswordIdentityProvider(ModeratorAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            String username = request.getUsername();
            if (!throttle.allowed(username)) {
                throw new AuthenticationFailedException("too many failed sign-ins; try again later");
            }
            return accounts.authenticate(username, new String(request.getPassword().getPassword()))
                    .map(account -> {
                        throttle.succeeded(username);
                        return ModeratorIdentities.of(account);
                    })
                    .orElseGet(() -> {
                        throttle.failed(username);
                        throw new AuthenticationFailedException("wrong username or password");
                    });
        });
    }
}
