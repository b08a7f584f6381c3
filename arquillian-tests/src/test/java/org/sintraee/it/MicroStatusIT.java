package org.sintraee.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Payara Micro runs the product's Micro pair: the standalone sintra-rar.rar (deployed by
 * the post-boot command file, so before the WAR) and the Micro WAR deployed here.
 */
@ExtendWith(ArquillianExtension.class)
class MicroStatusIT extends AdminStatusContract {

    @Deployment(testable = false)
    static WebArchive microWar() {
        return BuiltArtifacts.load("sintra-ear-micro.war", WebArchive.class);
    }
}
