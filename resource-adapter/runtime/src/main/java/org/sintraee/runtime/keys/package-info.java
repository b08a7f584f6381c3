/**
 * The key files the dealer writes and every server and client reads, and their validated
 * loading.
 *
 * <ul>
 * <li>{@code public.json} ({@link org.sintraee.runtime.keys.PublicKeyFile}): n, t, each
 *     server's id, address, Ed25519 key and pinned TLS certificate, and the public keys of
 *     the coin, TDH2 encryption and the Shoup service signature, all with threshold t+1.</li>
 * <li>{@code server-<id>.private.json} ({@link org.sintraee.runtime.keys.PrivateKeyFile}):
 *     that server's shares and secret keys, mode 0600.</li>
 * </ul>
 *
 * <p>{@link org.sintraee.runtime.keys.KeyFiles} loads them into ready-to-use objects
 * ({@link org.sintraee.runtime.keys.PublicKeys}, {@link org.sintraee.runtime.keys.ServerKeys})
 * only after checking everything that can be checked offline: format and version, 3t &lt; n,
 * ids, addresses, encodings, group membership, thresholds, the consistency of each
 * scheme's verification keys, and that every private key is the one behind the public
 * file's key for that server. Failures are {@link org.sintraee.runtime.keys.KeyFileException}s
 * naming file and field, never a secret.
 */
package org.sintraee.runtime.keys;
