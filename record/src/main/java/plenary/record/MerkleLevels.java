package plenary.record;

import java.util.ArrayList;
import java.util.List;

/**
 * A draft's {@link MerkleTree} kept whole: the hash of every perfect subtree, level by level (the leaves, then
 * pairs, then fours …). Any tree of the first M leaves splits into those subtrees along its right edge, so its
 * root, an inclusion proof or a consistency proof takes O(log² n) hashes instead of hashing all n leaves again.
 * About two hashes per leaf (64 bytes); appending a leaf costs at most log n hashes. Not thread-safe.
 */
public final class MerkleLevels {

    /** levels.get(h).get(i) is MTH of leaves [i·2^h, (i+1)·2^h). */
    private final List<List<byte[]>> levels = new ArrayList<>();

    public static MerkleLevels of(List<byte[]> leaves) {
        MerkleLevels tree = new MerkleLevels();
        leaves.forEach(tree::append);
        return tree;
    }

    public void append(byte[] leafHash) {
        if (leafHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("a leaf hash has " + MerkleTree.HASH_SIZE + " bytes");
        }
        byte[] node = leafHash;
        for (int h = 0; ; h++) {
            if (levels.size() == h) {
                levels.add(new ArrayList<>());
            }
            List<byte[]> level = levels.get(h);
            level.add(node);
            if (level.size() % 2 == 1) {
                return;
            }
            node = MerkleTree.nodeHash(level.get(level.size() - 2), node);
        }
    }

    public long size() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    public byte[] leaf(long index) {
        return levels.get(0).get(Math.toIntExact(index));
    }

    /** MTH(D[0:size]). */
    public byte[] root(long size) {
        requireSize(size);
        return size == 0 ? MerkleTree.emptyRoot() : hash(0, (int) size);
    }

    /** PATH(index, D[0:size]), as {@link MerkleTree#inclusionPath} gives it. */
    public List<byte[]> inclusionPath(long index, long size) {
        requireSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        return MerkleTree.inclusionPath(this::hash, index, size);
    }

    /** PROOF(first, D[0:second]), as {@link MerkleTree#consistencyPath} gives it. */
    public List<byte[]> consistencyPath(long first, long second) {
        requireSize(second);
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        return MerkleTree.consistencyPath(this::hash, first, second);
    }

    /** MTH(D[from:to]): a kept perfect subtree when the range is one, else split as RFC 9162 splits. */
    private byte[] hash(int from, int to) {
        int n = to - from;
        if (Integer.bitCount(n) == 1 && from % n == 0) {
            return levels.get(Integer.numberOfTrailingZeros(n)).get(from / n);
        }
        int k = MerkleTree.split(n);
        return MerkleTree.nodeHash(hash(from, from + k), hash(from + k, to));
    }

    private void requireSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves, but " + size() + " are known");
        }
    }
}
