package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.ejb.ReplicaStatusBean;

/**
 * {@code GET /api/checkpoint}: the newest certified checkpoint as JSON (no login: it is the
 * service's signature, checked with its public key, not this server's word), or 404 before the
 * first. {@code certificate} is {@link CheckpointCertificate#toBytes()} in base64, the rest the
 * same fields readable; hashes in hex.
 */
@Path("checkpoint")
@RequestScoped // a CDI bean, so that @EJB is injected also when the WAR sits in an EAR on Payara Server
public class CheckpointResource {

    @EJB
    private ReplicaStatusBean replicaStatus;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response checkpoint() {
        return replicaStatus.checkpoint()
                .map(c -> Response.ok(json(c), MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                        .entity("no certified checkpoint yet").build());
    }

    static String json(CheckpointCertificate c) {
        HexFormat hex = HexFormat.of();
        return String.format(Locale.ROOT, "{\"round\":%d,\"nextSeq\":%d,\"firstRound\":%d,\"chain\":\"%s\","
                        + "\"roundsRoot\":\"%s\",\"signature\":\"%s\",\"certificate\":\"%s\"}",
                c.round(), c.nextSeq(), c.firstRound(), hex.formatHex(c.chain()), hex.formatHex(c.roundsRoot()),
                Base64.getEncoder().encodeToString(c.signature()), Base64.getEncoder().encodeToString(c.toBytes()));
    }
}
