package org.sintraee.runtime.journal;

/** When {@link Journal#sync()} forces appended records to stable storage. */
public enum FsyncPolicy {
    /**
     * The safe default: every {@code sync()} calls {@code FileChannel.force(true)}, so records
     * survive a crash or power loss before the step's messages leave.
     */
    ALWAYS,
    /**
     * UNSAFE, for tests and benchmarks only: {@code sync()} does nothing, so a crash can lose
     * records a peer already relied on and the restarted server may contradict itself.
     */
    NEVER;

    /** The policy a server uses unless configured otherwise. */
    public static FsyncPolicy defaultPolicy() {
        return ALWAYS;
    }
}
