package plenary.command.record;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * {@code plenary.record.*}: where the secretariat's signing key is, and how often the record is signed.
 *
 * @param keyName          the key's name in signatures and in the verifier key, e.g. {@code secretariat.example.org}
 * @param key              a PEM file holding the Ed25519 private key (PKCS#8)
 * @param keystore         or a PKCS#12 keystore holding it, with its password and the entry's alias
 * @param localKey         without either, the key file local mode uses, made on first start
 * @param previousKey      after a rotation, the key that signed before, as a PEM file, or its alias in the keystore:
 *                         each draft's next checkpoint is then signed by both, naming both
 * @param checkpointEvery  sign a draft's record once this many events have gone unsigned
 */
@ConfigurationProperties("plenary.record")
record RecordSettings(@DefaultValue("plenary") String keyName, Path key, Path keystore, String keystorePassword,
                      String keyAlias, Path localKey, Path previousKey,
                      String previousKeyAlias, @DefaultValue("100") int checkpointEvery) {
}
