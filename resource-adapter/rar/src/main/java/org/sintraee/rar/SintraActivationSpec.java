package org.sintraee.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;
import org.sintraee.api.SintraListener;

/**
 * The activation of a message endpoint (a message-driven bean implementing {@link SintraListener})
 * that receives the total order. Its one property tunes how many deliveries the serial delivery
 * work reads from the journal at a time; the order, the transactions and the retries are fixed.
 */
@Activation(messageListeners = SintraListener.class)
public class SintraActivationSpec implements ActivationSpec, Serializable {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_READ_BATCH = 64;
    static final int MAX_READ_BATCH = 4096;

    @ConfigProperty(defaultValue = "" + DEFAULT_READ_BATCH,
            description = "Deliveries read from the journal at a time for this endpoint, 1.." + MAX_READ_BATCH
                    + "; each is still delivered in its own transaction.")
    private Integer readBatch = DEFAULT_READ_BATCH;

    private transient ResourceAdapter resourceAdapter;

    @Override
    public void validate() throws InvalidPropertyException {
        if (readBatch == null || readBatch < 1 || readBatch > MAX_READ_BATCH) {
            throw new InvalidPropertyException("Sintra EE: activation property readBatch must be 1.."
                    + MAX_READ_BATCH + ", not " + readBatch);
        }
    }

    public Integer getReadBatch() {
        return readBatch;
    }

    public void setReadBatch(Integer readBatch) {
        this.readBatch = readBatch;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }
}
