package org.sintraee.ejb;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.util.Optional;
import org.sintraee.api.CheckpointCertificate;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraConnectionFactory;

/** Reads the local replica's status, and its newest certified checkpoint, through the resource adapter. */
@Stateless
public class ReplicaStatusBean {

    @Resource(lookup = SintraResources.CONNECTION_FACTORY)
    private SintraConnectionFactory connectionFactory;

    public ReplicaStatus status() {
        try (SintraConnection connection = connectionFactory.getConnection()) {
            return connection.status();
        }
    }

    /** The newest checkpoint the local replica holds; empty before the first. */
    public Optional<CheckpointCertificate> checkpoint() {
        try (SintraConnection connection = connectionFactory.getConnection()) {
            return connection.checkpoint();
        }
    }
}
