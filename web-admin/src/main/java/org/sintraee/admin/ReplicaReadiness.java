package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
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

    @EJB
    private ReplicaStatusBean replicaStatus;

    @Override
    public HealthCheckResponse call() {
        return HealthChecks.check(NAME, replicaStatus::status, (response, status) -> response.status(status.ready())
                .withData("round", status.round())
                .withData("delivered", status.delivered())
                .withData("linksUp", status.linksUp()));
    }
}
