/**
 * The standalone replica's client port and a Java client for it: how the load generator,
 * the command-line tools and the loopback cluster tests submit requests and read status.
 *
 * <p>The protocol ({@link org.sintraee.runtime.client.ClientFrames}) is plain TCP with
 * length-prefixed frames and no authentication: the port binds to loopback by default and
 * is for trusted local callers only. Inside the application server, applications submit
 * through the resource adapter instead. A request is opaque bytes identified by its
 * SHA-256 digest: submitting the same bytes twice orders them once, so clients make their
 * requests unique (a client id and a counter).
 */
package org.sintraee.runtime.client;
