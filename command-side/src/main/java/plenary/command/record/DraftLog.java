package plenary.command.record;

import plenary.record.MerkleFrontier;

import java.util.ArrayList;
import java.util.List;

/**
 * What the signer knows of one draft's record: its size, the chain's head, the right edge of its Merkle tree, and
 * the leaf hashes since its last checkpoint (to store with the next one). Appending works on a copy, kept only once
 * the events are committed.
 */
final class DraftLog {

    final String draftId;
    private long size;
    private String chainHead;
    private final MerkleFrontier frontier;
    private long checkpointed;
    private final List<byte[]> unsigned;

    DraftLog(String draftId, long size, String chainHead, MerkleFrontier frontier, long checkpointed,
             List<byte[]> unsigned) {
        if (frontier.size() != size || checkpointed + unsigned.size() != size) {
            throw new IllegalArgumentException("a draft log of " + size + " events has a tree of " + frontier.size()
                    + " and " + unsigned.size() + " unsigned leaves after " + checkpointed);
        }
        this.draftId = draftId;
        this.size = size;
        this.chainHead = chainHead;
        this.frontier = frontier;
        this.checkpointed = checkpointed;
        this.unsigned = unsigned;
    }

    static DraftLog empty(String draftId) {
        return new DraftLog(draftId, 0, null, new MerkleFrontier(), 0, new ArrayList<>());
    }

    DraftLog copy() {
        return new DraftLog(draftId, size, chainHead, frontier.copy(), checkpointed, new ArrayList<>(unsigned));
    }

    void append(byte[] leafHash, String chainHash) {
        frontier.append(leafHash);
        unsigned.add(leafHash);
        chainHead = chainHash;
        size++;
    }

    long size() {
        return size;
    }

    /** The hash of the last event, which the next one chains to; null before the first. */
    String chainHead() {
        return chainHead;
    }

    byte[] root() {
        return frontier.root();
    }

    long checkpointed() {
        return checkpointed;
    }

    long unsignedEvents() {
        return size - checkpointed;
    }

    /** The leaf hashes after {@code from}, which must not lie before the last checkpoint this log knows. */
    List<byte[]> leavesAfter(long from) {
        return unsigned.subList((int) (Math.max(from, checkpointed) - checkpointed), unsigned.size());
    }

    void signed() {
        unsigned.clear();
        checkpointed = size;
    }
}
