package org.sintraee.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Payara Server runs the product's EAR, unchanged; the adapter was configured at boot. */
@ExtendWith(ArquillianExtension.class)
class ServerEarIT extends AdminStatusContract {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return BuiltArtifacts.load("sintra-ear.ear", EnterpriseArchive.class);
    }
}
