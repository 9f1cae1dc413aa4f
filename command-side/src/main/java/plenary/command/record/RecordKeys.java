package plenary.command.record;

import plenary.record.KeyFiles;
import plenary.record.KeyRing;
import plenary.record.NoteKey;
import plenary.record.NoteVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The secretariat's signing key, and the one it replaced if a rotation is under way. Never from the database. */
final class RecordKeys {

    private final NoteKey current;
    private final NoteKey previous;

    RecordKeys(NoteKey current, NoteKey previous) {
        this.current = current;
        this.previous = previous;
    }

    static RecordKeys of(RecordSettings settings) {
        try {
            NoteKey current;
            NoteKey previous = null;
            char[] password = settings.keystorePassword() == null ? new char[0]
                    : settings.keystorePassword().toCharArray();
            if (settings.keystore() != null) {
                current = KeyFiles.readKeystore(settings.keyName(), settings.keystore(), password, settings.keyAlias());
                if (settings.previousKeyAlias() != null) {
                    previous = KeyFiles.readKeystore(settings.keyName(), settings.keystore(), password,
                            settings.previousKeyAlias());
                }
            } else if (settings.key() != null) {
                current = KeyFiles.readPem(settings.keyName(), settings.key());
            } else if (settings.localKey() != null) {
                current = KeyFiles.readOrGenerate(settings.keyName(), settings.localKey());
            } else {
                throw new IllegalStateException("the command side signs the record: set plenary.record.key to a PEM "
                        + "file holding the secretariat's Ed25519 private key (openssl genpkey -algorithm ed25519), or "
                        + "plenary.record.keystore (with keystore-password and key-alias) to a PKCS#12 keystore");
            }
            if (settings.previousKey() != null) {
                previous = KeyFiles.readPem(settings.keyName(), settings.previousKey());
            }
            if (previous != null && previous.verifier().equals(current.verifier())) {
                previous = null;
            }
            return new RecordKeys(current, previous);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secretariat's signing key: " + e.getMessage(), e);
        }
    }

    NoteKey current() {
        return current;
    }

    Optional<NoteKey> previous() {
        return Optional.ofNullable(previous);
    }

    /** The keys whose checkpoints this signer may build on: its own, and the one it took over from. */
    KeyRing ring() {
        List<NoteVerifier> keys = new ArrayList<>();
        keys.add(current.verifier());
        previous().ifPresent(p -> keys.add(p.verifier()));
        return new KeyRing(keys);
    }
}
