package org.commissioning.tracker.platform.security;

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
 */
@ConfigurationProperties("tracker.security")
public record SecurityProperties(List<User> users, String rolesClaim, String usernameClaim) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        usernameClaim = usernameClaim == null ? "preferred_username" : usernameClaim;
    }

    public record User(String username, String passwordHash, List<Role> roles) {
    }
}
