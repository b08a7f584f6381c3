package org.sintraee.ejb;

/** JNDI names of the resources the packaging defines for the beans. */
public final class SintraResources {

    /**
     * The adapter's connection factory. It is defined not here but by a deployment
     * descriptor of each packaging, because the adapter's name differs: the Micro WAR's
     * web.xml names the standalone adapter, the EAR's application.xml the embedded one.
     */
    public static final String CONNECTION_FACTORY = "java:app/sintra/ConnectionFactory";

    /** The persistence unit (META-INF/persistence.xml) on the server's default datasource. */
    public static final String PERSISTENCE_UNIT = "sintra";

    private SintraResources() {
    }
}
