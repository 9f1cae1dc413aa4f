package plenary.record;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/** A named Ed25519 private key that signs notes; its public half is a {@link NoteVerifier}. */
public final class NoteKey {

    private final PrivateKey privateKey;
    private final NoteVerifier verifier;

    NoteKey(String name, PrivateKey privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.verifier = new NoteVerifier(name, publicKey);
    }

    /** A new random key. */
    public static NoteKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new NoteKey(name, pair.getPrivate(), raw(pair));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 signs with Ed25519", e);
        }
    }

    /**
     * The key whose private half is {@code privateKey}. Java has no call that derives an Ed25519 public key, but
     * its generator derives the pair from the 32 random bytes it is given, which are exactly the private key.
     */
    public static NoteKey of(String name, PrivateKey privateKey) {
        if (!(privateKey instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
            throw new IllegalArgumentException("the secretariat's key must be an Ed25519 private key, not "
                    + privateKey.getAlgorithm());
        }
        byte[] seed = ed.getBytes().get();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, bytes.length);
                }
            });
            KeyPair pair = generator.generateKeyPair();
            return new NoteKey(name, privateKey, raw(pair));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 signs with Ed25519", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    private static byte[] raw(KeyPair pair) {
        byte[] spki = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    SignedNote.Signature sign(byte[] text) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(text);
            return new SignedNote.Signature(verifier.name(), verifier.keyId(), ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the key " + verifier.name(), e);
        }
    }
}
