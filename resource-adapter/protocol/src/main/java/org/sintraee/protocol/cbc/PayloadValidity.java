package org.sintraee.protocol.cbc;

import org.sintraee.protocol.crypto.Verdict;

/**
 * The external validity predicate a server checks before it echoes a payload (MVBA passes
 * its proposal predicate). Must be deterministic and must never throw on untrusted bytes.
 */
@FunctionalInterface
public interface PayloadValidity {

    Verdict check(byte[] payload);

    /** Accepts every payload: plain consistent broadcast. */
    static PayloadValidity acceptAll() {
        return payload -> Verdict.VALID;
    }
}
