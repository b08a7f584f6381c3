package org.sintraee.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.sintraee.ejb.SintraResources;
import org.sintraee.it.probe.ProbeServlet;

/**
 * The built Micro WAR (or the EAR's web module), unchanged, plus the probe (package
 * {@code org.sintraee.it.probe}) as a library jar: the same application, so the probe's
 * observers receive the real MDB's events and its bean uses the real connection factory.
 */
final class ProbeWar {

    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
            + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>";

    /**
     * In the EAR the application's persistence unit lives in the EJB module, and Payara scopes a
     * unit to its module, so the web module cannot name it. The probe brings a unit of the same
     * name on the same JTA datasource, with no entities (it writes with native SQL): in a
     * delivery's transaction the container hands both units the one shared connection, so the
     * probe's row still commits or rolls back with the MDB's applied position. The Micro WAR
     * needs none: there the EJB jar is one of the WAR's libraries.
     */
    private static final String EAR_PERSISTENCE_XML = "<persistence xmlns=\"https://jakarta.ee/xml/ns/persistence\""
            + " version=\"3.0\"><persistence-unit name=\"" + SintraResources.PERSISTENCE_UNIT
            + "\" transaction-type=\"JTA\"><jta-data-source>java:comp/DefaultDataSource</jta-data-source>"
            + "<exclude-unlisted-classes>true</exclude-unlisted-classes></persistence-unit></persistence>";

    private ProbeWar() {
    }

    /** Writes the extended WAR to {@code out} and returns it. */
    static Path build(String builtWarName, Path out) {
        WebArchive war = BuiltArtifacts.load(builtWarName, WebArchive.class);
        war.addAsLibrary(probeJar());
        war.as(ZipExporter.class).exportTo(out.toFile(), true);
        return out;
    }

    /**
     * Writes the built EAR with the probe in its web module's {@code WEB-INF/lib} to {@code out}
     * and returns it: the web module then serves the probe servlet under the same context root
     * ({@code /sintra}), and the probe's beans share the application with the real MDB. The EAR's
     * application.xml names its modules, so the module is replaced under the same file name.
     */
    static Path buildEar(String builtEarName, String webModule, Path out) throws IOException {
        EnterpriseArchive ear = BuiltArtifacts.load(builtEarName, EnterpriseArchive.class);
        Node node = ear.get(webModule);
        if (node == null || node.getAsset() == null) {
            throw new IllegalStateException(builtEarName + " has no web module " + webModule);
        }
        WebArchive web;
        try (InputStream in = node.getAsset().openStream()) {
            web = ShrinkWrap.create(ZipImporter.class, webModule).importFrom(in).as(WebArchive.class);
        }
        web.addAsLibrary(probeJar().addAsManifestResource(new StringAsset(EAR_PERSISTENCE_XML), "persistence.xml"));
        ear.delete(webModule);
        ear.addAsModule(web);
        Files.createDirectories(out.getParent());
        ear.as(ZipExporter.class).exportTo(out.toFile(), true);
        return out;
    }

    private static JavaArchive probeJar() {
        return ShrinkWrap.create(JavaArchive.class, "sintra-probe.jar")
                .addPackage(ProbeServlet.class.getPackage())
                .addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml");
    }
}
