package plenary.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The body of a C2SP {@code tlog-checkpoint}: the origin {@code plenary/<draftId>}, the tree size, the base64
 * root hash, each on its own line, then Plenary's extension lines, each {@code <word> <value>}:
 * {@code time <instant>}, {@code revision <label>}, {@code final <content hash>}, {@code corrigendum <label>},
 * {@code adopted <procedure>} and {@code key-change <old verifier key> <new verifier key>}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public static final String ORIGIN_PREFIX = "plenary/";

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (rootHash.length != MerkleTree.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash has 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String line : extensions) {
            if (line.isBlank() || line.contains("\n")) {
                throw new IllegalArgumentException("an extension line is one non-empty line");
            }
        }
    }

    public static Checkpoint of(String draftId, long size, byte[] rootHash, List<String> extensions) {
        return new Checkpoint(ORIGIN_PREFIX + draftId, size, rootHash, extensions);
    }

    /** The draft whose record this is, or empty if the origin is not Plenary's. */
    public Optional<String> draftId() {
        return origin.startsWith(ORIGIN_PREFIX) ? Optional.of(origin.substring(ORIGIN_PREFIX.length()))
                : Optional.empty();
    }

    public String root() {
        return Base64.getEncoder().encodeToString(rootHash);
    }

    /** The value of the first extension line starting with {@code word}. */
    public Optional<String> extension(String word) {
        return extensions.stream().filter(line -> line.startsWith(word + " ") || line.equals(word))
                .map(line -> line.substring(word.length()).strip()).findFirst();
    }

    /** The note text: the lines each followed by a newline. */
    public String text() {
        StringBuilder text = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(root()).append('\n');
        extensions.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    public static Checkpoint parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length < 4 || !lines[lines.length - 1].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash, each on a line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("a checkpoint's tree size is a decimal without leading zeros: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's root hash is base64: " + lines[2]);
        }
        List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length - 1));
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, extensions);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
                && Arrays.equals(c.rootHash, rootHash) && c.extensions.equals(extensions);
    }

    @Override
    public int hashCode() {
        return (origin.hashCode() * 31 + Long.hashCode(size)) * 31 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return text();
    }
}
