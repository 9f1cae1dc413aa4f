package plenary.record;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing {@link MerkleTree}: the roots of its perfect subtrees, largest first, one per bit
 * of the size. Appending a leaf and computing the root both take O(log n), so a signer need not keep the leaves.
 */
public final class MerkleFrontier {

    private final List<byte[]> subtrees;
    private long size;

    public MerkleFrontier() {
        this(new ArrayList<>(), 0);
    }

    private MerkleFrontier(List<byte[]> subtrees, long size) {
        this.subtrees = subtrees;
        this.size = size;
    }

    public static MerkleFrontier of(List<byte[]> leaves) {
        MerkleFrontier frontier = new MerkleFrontier();
        leaves.forEach(frontier::append);
        return frontier;
    }

    public void append(byte[] leafHash) {
        subtrees.add(leafHash);
        // each trailing one bit of the old size is a subtree of the new leaf's height: they merge
        for (long s = size; (s & 1) == 1; s >>= 1) {
            byte[] right = subtrees.remove(subtrees.size() - 1);
            byte[] left = subtrees.remove(subtrees.size() - 1);
            subtrees.add(MerkleTree.nodeHash(left, right));
        }
        size++;
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far: the subtrees folded from the right, as RFC 9162 splits them. */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.emptyRoot();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(subtrees.get(i), root);
        }
        return root;
    }

    public MerkleFrontier copy() {
        return new MerkleFrontier(new ArrayList<>(subtrees), size);
    }
}
