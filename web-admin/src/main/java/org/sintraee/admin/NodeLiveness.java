package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
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

    @EJB
    private ReplicaStatusBean replicaStatus;

    @Override
    public HealthCheckResponse call() {
        // unknown (no answer) counts as down: whether the node runs cannot be told
        return HealthChecks.check(NAME, replicaStatus::status, (response, status) -> status.agreement().failed()
                ? response.down().withData("failure", status.agreement().failure())
                : response.up());
    }
}
