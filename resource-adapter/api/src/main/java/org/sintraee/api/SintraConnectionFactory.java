package org.sintraee.api;

import java.io.Serializable;

/**
 * Entry point for applications: obtained from JNDI (for example with
 * {@code @Resource(lookup = "java:app/sintra/ConnectionFactory")}), it hands out
 * connections to the local replica.
 *
 * <p>Plain Java on purpose, so applications compile against this module alone; the
 * resource adapter's implementation adds the connector contract's
 * {@code jakarta.resource.Referenceable}.
 */
public interface SintraConnectionFactory extends Serializable {

    /**
     * Gets a connection to the local replica; close it when done (try-with-resources).
     *
     * @throws SintraException if the container cannot provide a connection
     */
    SintraConnection getConnection();
}
