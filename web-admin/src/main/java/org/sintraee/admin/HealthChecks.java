package org.sintraee.admin;

import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.sintraee.api.ReplicaStatus;

/** What both health checks share: read the replica's status, or report DOWN if nobody answers. */
final class HealthChecks {
    private static final Logger LOG = Logger.getLogger(HealthChecks.class.getName());

    private HealthChecks() {
    }

    /**
     * The check {@code name} as {@code judge} sees the status; DOWN with only the exception's
     * type when the adapter does not answer (the log has the cause).
     */
    static HealthCheckResponse check(String name, Supplier<ReplicaStatus> status,
                                     BiFunction<HealthCheckResponseBuilder, ReplicaStatus, HealthCheckResponseBuilder> judge) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name);
        ReplicaStatus s;
        try {
            s = status.get();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "replica status unavailable for " + name, e);
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
        return judge.apply(response, s).build();
    }
}
