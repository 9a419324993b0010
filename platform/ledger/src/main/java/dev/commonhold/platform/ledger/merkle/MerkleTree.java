package dev.commonhold.platform.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency v2), §2.1, with SHA-256: a leaf hashes as
 * {@code SHA-256(0x00 || leaf)}, an inner node as {@code SHA-256(0x01 || left || right)}, a tree of
 * n leaves splits at the largest power of two below n, and the empty tree's hash is SHA-256 of
 * nothing. Proofs are generated here from the leaf hashes (§2.1.3.1 PATH, §2.1.4.1 PROOF) and
 * checked by {@link MerkleProofs}.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;

    private final List<byte[]> leafHashes;

    /** @param leafHashes the leaves' hashes in log order ({@link #leafHash} of each leaf) */
    public MerkleTree(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
    }

    public int size() {
        return leafHashes.size();
    }

    public List<byte[]> leafHashes() {
        return java.util.Collections.unmodifiableList(leafHashes);
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        return sha.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH of the first {@code size} leaves: the root a tree head of that size signs. */
    public byte[] root(int size) {
        requireSize(size);
        return size == 0 ? emptyRoot() : hash(0, size);
    }

    /** The audit path of leaf {@code index} in the tree of the first {@code size} leaves (RFC 9162 §2.1.3.1). */
    public List<byte[]> inclusionProof(int index, int size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, path);
        return path;
    }

    /** The proof that the tree of {@code size2} leaves extends the one of {@code size1} (RFC 9162 §2.1.4.1). */
    public List<byte[]> consistencyProof(int size1, int size2) {
        requireSize(size2);
        if (size1 < 1 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 < size2) {
            subproof(size1, 0, size2, true, proof);
        }
        return proof;
    }

    private void path(int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(hash(from + k, to));
        } else {
            path(m - k, from + k, to, out);
            out.add(hash(from, from + k));
        }
    }

    private void subproof(int m, int from, int to, boolean whole, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                out.add(hash(from, to));
            }
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, from, from + k, whole, out);
            out.add(hash(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, out);
            out.add(hash(from, from + k));
        }
    }

    /** MTH(D[from:to]), to > from. */
    private byte[] hash(int from, int to) {
        if (to - from == 1) {
            return leafHashes.get(from);
        }
        int k = largestPowerOfTwoBelow(to - from);
        return nodeHash(hash(from, from + k), hash(from + k, to));
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private void requireSize(int size) {
        if (size < 0 || size > leafHashes.size()) {
            throw new IllegalArgumentException("the log has " + leafHashes.size() + " leaves, not " + size);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
