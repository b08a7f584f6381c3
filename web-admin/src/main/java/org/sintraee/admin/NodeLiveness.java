package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;
import org.sintraee.api.AgreementStatus;
import org.sintraee.ejb.ReplicaStatusBean;

/**
 * MicroProfile Health liveness ({@code GET /health/live}): UP unless the replica's node
 * failed (it then stopped for good, and only a restart helps). Peers being down is not a
 * liveness matter: that is readiness, see {@link ReplicaReadiness}.
 */
@Liveness
@ApplicationScoped // a CDI bean, so that @EJB is injected also when the WAR sits in an EAR
public class NodeLiveness implements HealthCheck {

    /** The check's name in the health JSON. */
    public static final String NAME = "sintra-node";

    private static final Logger LOG = Logger.getLogger(NodeLiveness.class.getName());

    @EJB
    private ReplicaStatusBean replicaStatus;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        AgreementStatus agreement;
        try {
            agreement = replicaStatus.status().agreement();
        } catch (RuntimeException e) {
            // the adapter does not answer, so whether the node runs is unknown: report it down
            LOG.log(Level.FINE, "replica status unavailable", e);
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
        if (agreement.failed()) {
            return response.down().withData("failure", agreement.failure()).build();
        }
        return response.up().build();
    }
}
