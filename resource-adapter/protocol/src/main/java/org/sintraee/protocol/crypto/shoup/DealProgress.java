package org.sintraee.protocol.crypto.shoup;

/**
 * Progress of a slow deal, for a command-line dealer to show: finding a 1024-bit safe
 * prime tests thousands of candidates and can take tens of seconds. Called on the
 * dealing thread; keep it cheap.
 */
@FunctionalInterface
public interface DealProgress {

    /** Reports nothing. */
    DealProgress NONE = (stage, candidatesTried) -> { };

    /**
     * @param stage           what is being done, e.g. "safe prime p" or "shares"
     * @param candidatesTried candidates that reached an exponentiation so far in this stage
     */
    void report(String stage, long candidatesTried);
}
