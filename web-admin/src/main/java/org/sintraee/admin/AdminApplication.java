package org.sintraee.admin;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The admin JSON API, under {@code <context root>/api}. */
@ApplicationPath("api")
public class AdminApplication extends Application {
}
