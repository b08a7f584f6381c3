package org.sintraee.protocol.mvba;

import org.sintraee.protocol.crypto.Verdict;

/**
 * The global predicate Q of validated agreement ([CKPS01] §4). A value carries its own proof
 * inside its bytes, as the caller encodes it; MVBA treats values as opaque. Q must be
 * deterministic (every honest server judges a value alike) and must never throw on
 * untrusted bytes.
 */
@FunctionalInterface
public interface ExternalPredicate {
    Verdict check(byte[] value);
}
