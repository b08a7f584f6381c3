package org.sintraee.protocol.aba;

import org.sintraee.protocol.core.FaultKind;

/**
 * The outcome of checking a vote: valid, a fault of some kind, or "cannot tell yet" because
 * a soft justification names a coin this server does not know yet.
 */
record Check(FaultKind fault, String reason, boolean needsCoin) {
    static final Check VALID = new Check(null, "valid", false);
    static final Check NEEDS_COIN = new Check(null, "waits for the previous round's coin", true);

    static Check fault(FaultKind kind, String reason) {
        return new Check(kind, reason, false);
    }

    boolean valid() {
        return fault == null && !needsCoin;
    }
}
