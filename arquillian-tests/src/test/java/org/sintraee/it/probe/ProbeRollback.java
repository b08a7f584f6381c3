package org.sintraee.it.probe;

import jakarta.ejb.ApplicationException;
import java.util.concurrent.CompletionStage;

/** An application exception that rolls the transaction back; it carries the submit's stage out. */
@ApplicationException(rollback = true)
public class ProbeRollback extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient CompletionStage<Long> stage;

    public ProbeRollback(CompletionStage<Long> stage) {
        super("rolled back on purpose", null, false, false);
        this.stage = stage;
    }

    public CompletionStage<Long> stage() {
        return stage;
    }
}
