package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.sintraee.api.ServerSetEntry;
import org.sintraee.ejb.ReplicaStatusBean;

/** {@code GET /api/servers}: the static server set (ids, addresses, certificate fingerprints; all public). */
@Path("servers")
@RequestScoped // a CDI bean, so that @EJB is injected also when the WAR sits in an EAR on Payara Server
public class ServersResource {

    @EJB
    private ReplicaStatusBean replicaStatus;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ServerSetEntry> servers() {
        return replicaStatus.status().serverSet();
    }
}
