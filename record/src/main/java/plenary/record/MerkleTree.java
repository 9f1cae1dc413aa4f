package plenary.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A draft's record as an RFC 9162 Merkle tree (section 2.1): a leaf hashes {@code 0x00 ‖ entry}, a node
 * {@code 0x01 ‖ left ‖ right}, and a tree of n leaves splits at the largest power of two below n. Proofs are
 * built from the leaf hashes and checked with the RFC's own algorithms (2.1.3.2 and 2.1.4.2), so that any RFC
 * 9162 verifier accepts what this one does.
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = SHA256.get();
        sha256.update((byte) 0x00);
        return sha256.digest(entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = SHA256.get();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root of the empty tree: the hash of nothing. */
    public static byte[] emptyRoot() {
        return SHA256.get().digest();
    }

    /** MTH(D[0:size]) from the leaf hashes. */
    public static byte[] root(List<byte[]> leaves, long size) {
        requireSize(leaves, size);
        return size == 0 ? emptyRoot() : subtree(leaves, 0, (int) size);
    }

    /** MTH(D[from:to]) of a non-empty range: what the proofs are made of, however the hashes are found. */
    interface Subtrees {
        byte[] hash(int from, int to);
    }

    /** PATH(index, D[0:size]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionPath(List<byte[]> leaves, long index, long size) {
        requireSize(leaves, size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        return inclusionPath((from, to) -> subtree(leaves, from, to), index, size);
    }

    static List<byte[]> inclusionPath(Subtrees tree, long index, long size) {
        List<byte[]> path = new ArrayList<>();
        path(tree, (int) index, 0, (int) size, path);
        return path;
    }

    /** PROOF(first, D[0:second]): the consistency proof between the trees of the first and second sizes. */
    public static List<byte[]> consistencyPath(List<byte[]> leaves, long first, long second) {
        requireSize(leaves, second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        return consistencyPath((from, to) -> subtree(leaves, from, to), first, second);
    }

    static List<byte[]> consistencyPath(Subtrees tree, long first, long second) {
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof((int) first, tree, 0, (int) second, true, proof);
        }
        return proof;
    }

    /** RFC 9162 section 2.1.3.2: is {@code leafHash} the leaf at {@code index} of the tree with this root? */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || !allHashes(path) || leafHash.length != HASH_SIZE) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: does the tree of {@code second} leaves with root {@code secondRoot} extend the
     * tree of {@code first} leaves with root {@code firstRoot}? Equal sizes need an empty proof and equal roots;
     * the empty tree is extended by every tree.
     */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> path) {
        if (first < 0 || first > second || !allHashes(path)) {
            return false;
        }
        if (first == second) {
            return path.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return path.isEmpty();
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> c = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            c.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = c.get(0);
        byte[] sr = c.get(0);
        for (byte[] value : c.subList(1, c.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(value, fr);
                sr = nodeHash(value, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, value);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** The leaf hashes packed end to end, as a checkpoint stores them, and back. */
    public static byte[] pack(List<byte[]> leaves) {
        byte[] packed = new byte[leaves.size() * HASH_SIZE];
        for (int i = 0; i < leaves.size(); i++) {
            System.arraycopy(leaves.get(i), 0, packed, i * HASH_SIZE, HASH_SIZE);
        }
        return packed;
    }

    public static List<byte[]> unpack(byte[] packed) {
        if (packed.length % HASH_SIZE != 0) {
            throw new IllegalArgumentException("packed leaf hashes must be a multiple of " + HASH_SIZE + " bytes");
        }
        List<byte[]> leaves = new ArrayList<>(packed.length / HASH_SIZE);
        for (int at = 0; at < packed.length; at += HASH_SIZE) {
            leaves.add(Arrays.copyOfRange(packed, at, at + HASH_SIZE));
        }
        return Collections.unmodifiableList(leaves);
    }

    /** The largest power of two smaller than n (n > 1). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] subtree(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 1) {
            return leaves.get(from);
        }
        int k = split(n);
        return nodeHash(subtree(leaves, from, from + k), subtree(leaves, from + k, to));
    }

    private static void path(Subtrees tree, int m, int from, int to, List<byte[]> out) {
        int n = to - from;
        if (n <= 1) {
            return;
        }
        int k = split(n);
        if (m < k) {
            path(tree, m, from, from + k, out);
            out.add(tree.hash(from + k, to));
        } else {
            path(tree, m - k, from + k, to, out);
            out.add(tree.hash(from, from + k));
        }
    }

    private static void subproof(int m, Subtrees tree, int from, int to, boolean whole, List<byte[]> out) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                out.add(tree.hash(from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(m, tree, from, from + k, whole, out);
            out.add(tree.hash(from + k, to));
        } else {
            subproof(m - k, tree, from + k, to, false, out);
            out.add(tree.hash(from, from + k));
        }
    }

    private static void requireSize(List<byte[]> leaves, long size) {
        if (size < 0 || size > leaves.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves, but " + leaves.size() + " are known");
        }
    }

    private static boolean allHashes(List<byte[]> path) {
        return path.stream().allMatch(h -> h != null && h.length == HASH_SIZE);
    }

    private MerkleTree() {
    }
}
