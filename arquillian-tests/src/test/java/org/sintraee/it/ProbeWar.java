package org.sintraee.it;

import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.sintraee.it.probe.ProbeServlet;

/**
 * The built Micro WAR, unchanged, plus the probe (package {@code org.sintraee.it.probe}) as a
 * library jar: the same application, so the probe's observers receive the real MDB's events
 * and its bean uses the real connection factory.
 */
final class ProbeWar {

    private static final String BEANS_XML = "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
            + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>";

    private ProbeWar() {
    }

    /** Writes the extended WAR to {@code out} and returns it. */
    static Path build(String builtWarName, Path out) {
        WebArchive war = BuiltArtifacts.load(builtWarName, WebArchive.class);
        JavaArchive probe = ShrinkWrap.create(JavaArchive.class, "sintra-probe.jar")
                .addPackage(ProbeServlet.class.getPackage())
                .addAsManifestResource(new StringAsset(BEANS_XML), "beans.xml");
        war.addAsLibrary(probe);
        war.as(ZipExporter.class).exportTo(out.toFile(), true);
        return out;
    }
}
