package org.sintraee.it;

import java.io.File;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;

/** The archives the build produced (copied to target/it/deployments), imported unchanged. */
final class BuiltArtifacts {

    private BuiltArtifacts() {
    }

    static <T extends Archive<T>> T load(String fileName, Class<T> type) {
        File file = new File(System.getProperty("sintra.it.deployments"), fileName);
        if (!file.isFile()) {
            throw new IllegalStateException("not built: " + file + " (run the build from the top with mvn verify)");
        }
        return ShrinkWrap.create(ZipImporter.class, fileName).importFrom(file).as(type);
    }
}
