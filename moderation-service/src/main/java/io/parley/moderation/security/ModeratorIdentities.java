package io.parley.moderation.security;

import io.parley.moderation.domain.Moderator;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.SecurityIdentity;

/** A signed-in moderator as Quarkus Security sees them. */
final class ModeratorIdentities {

    private ModeratorIdentities() {
    }

    static SecurityIdentity of(Moderator account) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.username))
                .addRole(Roles.MODERATOR);
        if (account.role == Moderator.Role.admin) {
            builder.addRole(Roles.ADMIN);
        }
        return builder.build();
    }
}
