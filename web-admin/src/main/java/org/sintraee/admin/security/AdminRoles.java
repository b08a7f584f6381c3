package org.sintraee.admin.security;

/** The admin page's one role, as web.xml and the Payara role mappings name it. */
public final class AdminRoles {

    /** The role (and the group the identity store gives the admin, mapped to it one to one). */
    public static final String ADMIN = "sintra-admin";

    /** The MicroProfile Config property with the credentials file's path. */
    public static final String CREDENTIALS_PROPERTY = "sintra.admin.credentials";

    private AdminRoles() {
    }
}
