package plenary.record;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 key that checks signed notes, written as C2SP's note verifier key:
 * {@code <name>+<hex key id>+<base64(0x01 ‖ 32-byte public key)>}, where the key id is the first four bytes of
 * SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key).
 */
public final class NoteVerifier {

    static final byte ED25519 = 0x01;
    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] publicKey;
    private final int keyId;
    private final PublicKey key;

    NoteVerifier(String name, byte[] publicKey) {
        if (name.isEmpty() || name.contains("+") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a key name is not empty and has no spaces or '+': '" + name + "'");
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + publicKey.length);
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
        System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, 32);
        try {
            this.key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** Reads a verifier key line; refuses one whose id does not match its name and key. */
    public static NoteVerifier parse(String line) {
        String[] parts = line.strip().split("\\+", 3); // base64 may hold '+' too
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is '<name>+<hex key id>+<base64 key>'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verifier key ends in base64");
        }
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 key (0x01 followed by 32 bytes)");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], Arrays.copyOfRange(key, 1, 33));
        if (!parts[1].equalsIgnoreCase(verifier.hexId())) {
            throw new IllegalArgumentException("the verifier key's id " + parts[1] + " does not match its name and key ("
                    + verifier.hexId() + ")");
        }
        return verifier;
    }

    static int keyId(String name, byte[] publicKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(name.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0x0A);
            sha256.update(ED25519);
            byte[] h = sha256.digest(publicKey);
            return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public String hexId() {
        return String.format("%08x", keyId);
    }

    /** The verifier key line. */
    public String line() {
        byte[] key = new byte[33];
        key[0] = ED25519;
        System.arraycopy(publicKey, 0, key, 1, 32);
        return name + "+" + hexId() + "+" + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return line();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoteVerifier v && v.name.equals(name) && Arrays.equals(v.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    /** Whether a signature line is this key's (same name and id): only then is it checked. */
    public boolean signed(SignedNote.Signature signature) {
        return signature.keyName().equals(name) && signature.keyId() == keyId;
    }

    public boolean verify(String text, SignedNote.Signature signature) {
        if (!signed(signature)) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
