package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.ejb.ReplicaStatusBean;

/** {@code GET /api/status}: the local replica's status as JSON (JSON-B). */
@Path("status")
@RequestScoped // a CDI bean, so that @EJB is injected also when the WAR sits in an EAR on Payara Server
public class StatusResource {

    @EJB
    private ReplicaStatusBean replicaStatus;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ReplicaStatus status() {
        return replicaStatus.status();
    }
}
