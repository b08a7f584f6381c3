/**
 * Ed25519 signatures for quorum certificates, through Bouncy Castle's low-level
 * RFC 8032 code. A quorum certificate of k individual signatures stands in for a
 * threshold signature of threshold k inside the protocols (PROTOCOLS.md, "Thresholds");
 * public keys are validated once at load, so verification does no point validation.
 */
package org.sintraee.protocol.crypto.sig;
