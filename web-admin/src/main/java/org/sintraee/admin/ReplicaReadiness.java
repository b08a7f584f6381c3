package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.ejb.ReplicaStatusBean;

/**
 * MicroProfile Health readiness ({@code GET /health/ready}): UP iff the replica says it is
 * ready, that is, links to enough peers are up for a quorum with this server and the node
 * has neither stopped nor failed. The adapter decides readiness; this check only reports it.
 */
@Readiness
@ApplicationScoped // a CDI bean, so that @EJB is injected also when the WAR sits in an EAR
public class ReplicaReadiness implements HealthCheck {

    /** The check's name in the health JSON. */
    public static final String NAME = "sintra-replica";

    private static final Logger LOG = Logger.getLogger(ReplicaReadiness.class.getName());

    @EJB
    private ReplicaStatusBean replicaStatus;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        ReplicaStatus status;
        try {
            status = replicaStatus.status();
        } catch (RuntimeException e) {
            // no adapter connection: not ready; the log has the cause, the answer only its type
            LOG.log(Level.FINE, "replica status unavailable", e);
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
        return response.status(status.ready())
                .withData("round", status.round())
                .withData("delivered", status.delivered())
                .withData("linksUp", status.linksUp())
                .build();
    }
}
