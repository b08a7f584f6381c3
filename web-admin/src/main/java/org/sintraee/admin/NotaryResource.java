package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.sintraee.api.NotBroadcastException;
import org.sintraee.api.SintraBusyException;
import org.sintraee.api.SintraException;
import org.sintraee.api.notary.NotaryReceipt;
import org.sintraee.api.notary.NotaryRequest;
import org.sintraee.ejb.notary.NotaryService;

/**
 * The notary's public endpoint (no login: clients trust the service key, not this server).
 * {@code POST /api/notary/stamps} with the document's SHA-256 in hex answers with the signed
 * {@link NotaryReceipt} as JSON; {@code GET /api/notary/stamps/<hex>} repeats the receipt of
 * a digest stamped before.
 */
@Path("notary/stamps")
@RequestScoped
public class NotaryResource {
    private static final Logger LOG = Logger.getLogger(NotaryResource.class.getName());

    @EJB
    private NotaryService notary;

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> stamp(String hexDigest) {
        byte[] digest = parse(hexDigest);
        if (digest == null) {
            return CompletableFuture.completedFuture(badDigest());
        }
        try {
            return notary.stamp(digest).handle(NotaryResource::answer);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(answer(null, e));
        }
    }

    @GET
    @Path("{digest}")
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> receipt(@PathParam("digest") String hexDigest) {
        byte[] digest = parse(hexDigest);
        if (digest == null) {
            return CompletableFuture.completedFuture(badDigest());
        }
        return notary.receipt(digest).map(stage -> stage.handle(NotaryResource::answer))
                .orElseGet(() -> CompletableFuture.completedFuture(text(Response.Status.NOT_FOUND,
                        "this server has not ordered that digest")));
    }

    private static Response answer(NotaryReceipt receipt, Throwable failure) {
        if (failure == null) {
            return Response.ok(receipt.toJson(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof SintraBusyException) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .type(MediaType.TEXT_PLAIN_TYPE).entity(cause.getMessage()).build();
        }
        if (cause instanceof NotBroadcastException || cause instanceof SintraException
                || cause instanceof IllegalArgumentException) {
            return text(Response.Status.SERVICE_UNAVAILABLE, cause.getMessage());
        }
        LOG.log(Level.WARNING, "Sintra EE notary: " + cause, cause);
        return text(Response.Status.INTERNAL_SERVER_ERROR, "the notary failed; see the server log");
    }

    private static byte[] parse(String hex) {
        String h = hex == null ? "" : hex.trim();
        if (h.length() != 2 * NotaryRequest.DIGEST_BYTES) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(h);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response badDigest() {
        return text(Response.Status.BAD_REQUEST, "send the document's SHA-256 as 64 hex characters");
    }

    private static Response text(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message).build();
    }
}
