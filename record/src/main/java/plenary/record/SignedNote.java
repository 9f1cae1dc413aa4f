package plenary.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP {@code signed-note}: a text ending in a newline, a blank line, then one line per signature,
 * {@code — <key name> <base64(key id ‖ signature)>}. Reading is forgiving about what copying a note out of a
 * PDF or a mail does to it (carriage returns, trailing spaces, a hyphen for the em dash): none of that is
 * signed, and the signed text is rebuilt exactly.
 */
public record SignedNote(String text, List<Signature> signatures) {

    static final String DASH = "\u2014 ";

    /** One signature line: the key's name, its 32-bit id, and the signature bytes after the id. */
    public record Signature(String keyName, int keyId, byte[] signature) {

        String line() {
            byte[] bytes = new byte[4 + signature.length];
            bytes[0] = (byte) (keyId >>> 24);
            bytes[1] = (byte) (keyId >>> 16);
            bytes[2] = (byte) (keyId >>> 8);
            bytes[3] = (byte) keyId;
            System.arraycopy(signature, 0, bytes, 4, signature.length);
            return DASH + keyName + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
        }
    }

    public SignedNote {
        if (!text.endsWith("\n") || text.isBlank()) {
            throw new IllegalArgumentException("a note's text ends with a newline");
        }
        signatures = List.copyOf(signatures);
    }

    public static SignedNote sign(String text, List<NoteKey> keys) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SignedNote(text, keys.stream().map(key -> key.sign(bytes)).toList());
    }

    /** The note as it is published: the text, a blank line, the signatures. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(s -> note.append(s.line()));
        return note.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    /** Reads a note; refuses (with the reason) anything that is not one. */
    public static SignedNote parse(String published) {
        String note = published.replace("\r\n", "\n").replace('\r', '\n').strip() + "\n";
        String[] lines = note.split("\n", -1);
        int blank = -1;
        for (int i = lines.length - 2; i >= 0; i--) {
            if (lines[i].isBlank()) {
                blank = i;
                break;
            }
        }
        if (blank <= 0) {
            throw new IllegalArgumentException("not a signed note: no blank line between the text and its signatures");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < blank; i++) {
            text.append(lines[i].stripTrailing()).append('\n');
        }
        List<Signature> signatures = new ArrayList<>();
        for (int i = blank + 1; i < lines.length - 1; i++) {
            signatures.add(signature(lines[i].strip()));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("not a signed note: it carries no signature");
        }
        for (char c : text.toString().toCharArray()) {
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("not a signed note: its text holds a control character");
            }
        }
        return new SignedNote(text.toString(), signatures);
    }

    private static Signature signature(String line) {
        String rest;
        if (line.startsWith("\u2014")) {
            rest = line.substring(1);
        } else if (line.startsWith("--")) {
            rest = line.substring(2);
        } else if (line.startsWith("-") || line.startsWith("\u2013")) {
            rest = line.substring(1);
        } else {
            throw new IllegalArgumentException("not a signature line (it starts with an em dash): " + line);
        }
        String[] parts = rest.strip().split(" +");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a signature line is '\u2014 <key name> <base64>': " + line);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signature is base64: " + line);
        }
        if (bytes.length < 5) {
            throw new IllegalArgumentException("a signature holds a key id and a signature: " + line);
        }
        int id = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        byte[] signature = new byte[bytes.length - 4];
        System.arraycopy(bytes, 4, signature, 0, signature.length);
        return new Signature(parts[0], id, signature);
    }
}
