/**
 * The benchmark: n = 4 replica processes on loopback driven by a load generator, a sweep of
 * batch size and outstanding requests for the peak, the same pipeline with agreement
 * replaced by a fixed-leader order for the limit, a run at half the peak for latency, and a
 * kill -9 of one replica under load. Writes {@code results.json} and an SVG plot; see
 * {@code docs/benchmark/README.md} for how to read them.
 *
 * <p>The figures are measured by this command, never asserted by timed unit tests.
 */
package org.sintraee.runtime.bench;
