/**
 * The protocol contract shared by every layer: {@link org.sintraee.protocol.core.Protocol}
 * (handle an input, handle a message, terminated), the immutable
 * {@link org.sintraee.protocol.core.Step} it returns (outputs, targeted messages, faults,
 * and what must be durable before the messages leave), hierarchical instance
 * {@link org.sintraee.protocol.core.Tag}s, peer {@link org.sintraee.protocol.core.Fault}s
 * as data, and a per-sender bounded buffer for messages that arrive before their
 * instance exists. After hbbft's protocol contract and etcd-raft's "persist, then send,
 * then apply" order, written down as data.
 */
package org.sintraee.protocol.core;
