package org.commissioning.tracker.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tracker.security.*}: the users of the standalone default, and how a JWT from an identity provider names its
 * user and roles.
 *
 * @param users          configured users (username, bcrypt hash, roles); when empty, users are kept in the database
 *                       and an administrator is created on first start
 * @param rolesClaim     the JWT claim holding the roles (a list or a space-separated string), e.g. {@code roles}
 * @param usernameClaim  the JWT claim naming the user, {@code sub} when absent from a token
 * @param credentialCache how long HTTP Basic credentials once verified against their bcrypt hash are trusted
 *                        without bcrypt again ({@link VerifiedCredentials})
 */
@ConfigurationProperties("tracker.security")
public record SecurityProperties(List<User> users, String rolesClaim, String usernameClaim,
                                 CredentialCache credentialCache) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
        credentialCache = credentialCache == null ? new CredentialCache(null, null, null) : credentialCache;
    }

    /**
     * {@code tracker.security.credential-cache.*}: verified HTTP Basic credentials remembered in memory (as an HMAC,
     * successes only) for {@code ttl} (default 5 minutes), at most {@code maxEntries} (default 10,000); on unless
     * {@code enabled} is false.
     */
    public record CredentialCache(Boolean enabled, Duration ttl, Long maxEntries) {

        public CredentialCache {
            enabled = enabled == null || enabled;
            ttl = ttl == null ? Duration.ofMinutes(5) : ttl;
            maxEntries = maxEntries == null ? 10_000L : maxEntries;
            if (ttl.isNegative() || maxEntries < 0) {
                throw new IllegalArgumentException("tracker.security.credential-cache: ttl and max-entries must not be "
                        + "negative");
            }
        }
    }

    public record User(String username, String passwordHash, List<Role> roles) {
    }
}
