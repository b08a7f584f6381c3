package org.sintraee.protocol.aba;

import org.sintraee.protocol.crypto.Verdict;

/**
 * The external proof check of biased validated agreement ([CKPS01] §3): MVBA passes one
 * that verifies a candidate's c-broadcast proof. Must be deterministic and never throw.
 */
@FunctionalInterface
public interface ExternalValidity {
    Verdict check(byte[] proof);
}
