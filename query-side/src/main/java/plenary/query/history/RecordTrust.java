package plenary.query.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import plenary.record.KeyFiles;
import plenary.record.KeyRing;
import plenary.record.NoteVerifier;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The secretariat's public key, which the query side needs to check checkpoints and must not learn from the
 * database it checks: {@code plenary.record.verifier-key} (PLENARY_RECORD_VERIFIER_KEY), the verifier key line(s)
 * or a file holding them; in local mode, the file its command side writes, read once it is there.
 */
@Component
class RecordTrust {

    private static final Logger log = LoggerFactory.getLogger(RecordTrust.class);

    private final String configured;
    private volatile List<NoteVerifier> keys;

    RecordTrust(@Value("${plenary.record.verifier-key:}") String configured,
                @Value("${plenary.record.local-verifier-key:}") String local) {
        this.configured = configured.isBlank() ? local.strip() : configured.strip();
    }

    /** The trusted keys; empty if none is configured (or its file is not there yet). */
    Optional<KeyRing> ring() {
        return verifiers().map(KeyRing::new);
    }

    /** The verifier key lines, the current key first. */
    Optional<String> publicKey() {
        return verifiers().map(keys -> keys.stream().map(NoteVerifier::line).collect(Collectors.joining("\n", "", "\n")));
    }

    private Optional<List<NoteVerifier>> verifiers() {
        if (keys == null && !configured.isEmpty()) {
            try {
                keys = KeyFiles.verifiers(configured);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("no verifier key yet in plenary.record.verifier-key ({}): {}", configured, e.getMessage());
            }
        }
        return Optional.ofNullable(keys);
    }
}
