package org.commissioning.tracker.platform.testing;

/** The users of tracker-test-users.yml and their passwords. */
public enum TestUsers {
    VIEWER("viewer", "viewer-secret"),
    MANAGER("manager", "manager-secret"),
    ADMIN("admin", "admin-secret");

    /** Add to a test's properties: {@code spring.config.additional-location=} this. */
    public static final String CONFIG = "classpath:tracker-test-users.yml";

    public final String username;
    public final String password;

    TestUsers(String username, String password) {
        this.username = username;
        this.password = password;
    }
}
