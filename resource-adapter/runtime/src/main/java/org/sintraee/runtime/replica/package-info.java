/**
 * The standalone replica and the local cluster: command-line entry points that run the
 * runtime outside an application server, for operators, the loopback cluster tests and
 * the benchmark.
 *
 * <p>{@link org.sintraee.runtime.replica.ReplicaCommand} runs one replica from its key files:
 * the node loop, the TLS peer links to the static server set, the journal in its data
 * directory, and the client port (loopback by default). It reports readiness in a status
 * file, replaced atomically, so scripts wait on the file rather than on sleeps.
 * {@link org.sintraee.runtime.replica.ClusterCommand} starts n such replicas as separate
 * processes on loopback from a dealer's output and waits until all are ready.
 *
 * <p>Threads: the replica makes one executor (the standalone mode's own) and hands it to
 * every component; inside Payara the resource adapter passes the WorkManager's instead.
 */
package org.sintraee.runtime.replica;
