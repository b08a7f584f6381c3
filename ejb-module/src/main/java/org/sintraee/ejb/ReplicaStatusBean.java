package org.sintraee.ejb;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import org.sintraee.api.ReplicaStatus;
import org.sintraee.api.SintraConnection;
import org.sintraee.api.SintraConnectionFactory;

/** Reads the local replica's status through the resource adapter. */
@Stateless
public class ReplicaStatusBean {

    @Resource(lookup = SintraResources.CONNECTION_FACTORY)
    private SintraConnectionFactory connectionFactory;

    public ReplicaStatus status() {
        try (SintraConnection connection = connectionFactory.getConnection()) {
            return connection.status();
        }
    }
}
