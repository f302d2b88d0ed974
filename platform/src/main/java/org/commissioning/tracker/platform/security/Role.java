package org.commissioning.tracker.platform.security;

/** Who may do what. Each role may do everything the ones below it may. */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also records milestones: every write of the API. */
    CONTRACT_MANAGER,
    /** Also runs operations, such as rebuilding the read models. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
