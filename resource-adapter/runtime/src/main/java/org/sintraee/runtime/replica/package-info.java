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
 * <p>{@link org.sintraee.runtime.replica.ReplicaEngine} is the part both modes share: from keys
 * already loaded, the journal, the node loop and the TLS peer links, started on the executor it
 * is given, and a {@code close()} that returns only when every one of its tasks has ended. The
 * standalone {@code Replica} adds the client port, the delivery chain and the status file; the
 * resource adapter runs the engine on the container's WorkManager.
 *
 * <p>Threads: the replica makes one executor (the standalone mode's own) and hands it to
 * every component; inside Payara the resource adapter passes the WorkManager's instead.
 */
package org.sintraee.runtime.replica;
