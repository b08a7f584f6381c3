package org.sintraee.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.sintraee.api.PeerStatus;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.ejb.ReplicaStatusBean;

/**
 * MicroProfile Metrics application gauges, served by the container at {@code /metrics} (Prometheus
 * text): {@code sintra_round}, {@code sintra_delivered}, {@code sintra_queued}, {@code sintra_links_up},
 * {@code sintra_faults_total} and {@code sintra_throughput_per_second} (deliveries per second over
 * the last minute). Each scrape reads the replica's status; NaN while the adapter does not answer.
 */
@ApplicationScoped
public class ReplicaGauges {

    private static final Logger LOG = Logger.getLogger(ReplicaGauges.class.getName());

    @Inject
    private MetricRegistry registry; // the application registry

    @EJB
    private ReplicaStatusBean replicaStatus;

    /** Registers the gauges when the application starts, before the first scrape. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        gauge("sintra_round", "The atomic broadcast's current round", s -> s.round());
        gauge("sintra_delivered", "Requests this replica has delivered", s -> s.delivered());
        gauge("sintra_queued", "Requests waiting to be proposed", s -> s.agreement().queued());
        gauge("sintra_links_up", "Peers whose link is up", s -> s.linksUp());
        gauge("sintra_faults_total", "Faults attributed to peers, all kinds",
                s -> s.peers().stream().mapToLong(PeerStatus::faultCount).sum());
        gauge("sintra_throughput_per_second", "Requests delivered per second over the last minute",
                s -> s.activity().throughputPerSecond());
    }

    private void gauge(String name, String description, ToDoubleFunction<ReplicaStatus> value) {
        Metadata metadata = Metadata.builder().withName(name).withDescription(description)
                .withUnit(MetricUnits.NONE).build();
        registry.gauge(metadata, () -> read(name, value));
    }

    private Double read(String name, ToDoubleFunction<ReplicaStatus> value) {
        try {
            return value.applyAsDouble(replicaStatus.status());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "replica status unavailable for " + name, e);
            return Double.NaN;
        }
    }
}
