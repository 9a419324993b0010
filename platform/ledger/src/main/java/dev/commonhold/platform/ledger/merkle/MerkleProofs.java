package dev.commonhold.platform.ledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks RFC 9162 proofs with nothing but hashes (§2.1.3.2 inclusion, §2.1.4.2 consistency), so a
 * resident's copy of a tree head is enough to hold the log to it. Each method returns normally when
 * the proof holds and throws {@link InvalidProofException} saying why when it does not.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** Leaf {@code index}, hashed {@code leafHash}, is in the tree of {@code size} leaves whose root is {@code root}. */
    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            throw new InvalidProofException("leaf " + index + " is not in a tree of " + size);
        }
        requireHash(leafHash, "leaf hash");
        requireHash(root, "root");
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof == null ? List.<byte[]>of() : proof) {
            requireHash(p, "proof node");
            if (sn == 0) {
                throw new InvalidProofException("the proof is longer than a tree of " + size + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof is shorter than a tree of " + size + " needs");
        }
        if (!Arrays.equals(r, root)) {
            throw new InvalidProofException("the proof leads to another root: leaf " + index + " is not in this tree");
        }
    }

    /** The tree of {@code size2} leaves, root {@code root2}, extends the one of {@code size1}, root {@code root1}: nothing changed or removed. */
    public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        requireHash(root1, "first root");
        requireHash(root2, "second root");
        List<byte[]> path = new ArrayList<>(proof == null ? List.of() : proof);
        path.forEach(p -> requireHash(p, "proof node"));
        if (size1 < 1 || size2 < size1) {
            throw new InvalidProofException("no consistency proof goes from a tree of " + size1 + " to one of " + size2);
        }
        if (size1 == size2) {
            if (!path.isEmpty() || !Arrays.equals(root1, root2)) {
                throw new InvalidProofException("two heads of " + size1 + " leaves must have the same root and an empty proof");
            }
            return;
        }
        if (path.isEmpty()) {
            throw new InvalidProofException("an empty proof cannot show " + size1 + " leaves grew to " + size2);
        }
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                throw new InvalidProofException("the proof is longer than these sizes need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof is shorter than these sizes need");
        }
        if (!Arrays.equals(fr, root1)) {
            throw new InvalidProofException("the proof does not lead to the earlier root: the first " + size1 + " leaves were changed");
        }
        if (!Arrays.equals(sr, root2)) {
            throw new InvalidProofException("the proof does not lead to the later root");
        }
    }

    private static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != MerkleTree.HASH_BYTES) {
            throw new InvalidProofException("the " + what + " is not a SHA-256 hash");
        }
    }
}
