/**
 * The {@link org.sintraee.protocol.quorum.Quorums} object: every threshold the protocols
 * use, checked in tests against naive counting over every subset of up to 10 servers.
 */
package org.sintraee.protocol.quorum;
