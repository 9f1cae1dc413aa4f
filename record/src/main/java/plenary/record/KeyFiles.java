package plenary.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Where the secretariat's key lives: a PEM file holding a PKCS#8 Ed25519 private key (what
 * {@code openssl genpkey -algorithm ed25519} writes), or a PKCS#12 keystore entry (what
 * {@code keytool -genkeypair -keyalg Ed25519} makes). Never the database, which the key must be able to vouch
 * against. The public half is published as a verifier key line, in its own file beside a generated key.
 */
public final class KeyFiles {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    public static NoteKey readPem(String name, Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(file + " holds no PEM private key (" + BEGIN + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
            return NoteKey.of(name, key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + " does not hold an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    public static NoteKey readKeystore(String name, Path file, char[] password, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password);
            if (alias == null) {
                List<String> aliases = new ArrayList<>();
                store.aliases().asIterator().forEachRemaining(aliases::add);
                if (aliases.size() != 1) {
                    throw new IOException(file + " holds " + aliases.size() + " entries: name the key's alias");
                }
                alias = aliases.get(0);
            }
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IOException(file + " holds no private key under the alias " + alias);
            }
            return NoteKey.of(name, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read the key " + alias + " from " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The key in {@code file}, made first if there is none (local mode). Several processes may start at once:
     * the key is written aside and moved into place only if no other got there first, so all sign with one key.
     */
    public static NoteKey readOrGenerate(String name, Path file) throws IOException {
        if (Files.exists(file)) {
            return readPem(name, file);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        NoteKey key = NoteKey.generate(name);
        Path aside = Files.createTempFile(dir, file.getFileName().toString(), ".new");
        try {
            restrict(aside);
            Files.writeString(aside, pem(key), StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, aside); // fails, atomically, if another process made the key first
            } catch (UnsupportedOperationException e) {
                Files.move(aside, file);
            }
        } catch (FileAlreadyExistsException e) {
            return readPem(name, file);
        } finally {
            Files.deleteIfExists(aside);
        }
        NoteKey kept = readPem(name, file);
        Files.writeString(verifierFile(file), kept.verifier().line() + "\n", StandardCharsets.US_ASCII);
        return kept;
    }

    /** Where the verifier key of a key file is published: beside it, {@code .vkey} for {@code .pem}. */
    public static Path verifierFile(Path keyFile) {
        String name = keyFile.getFileName().toString().replaceFirst("\\.pem$", "");
        return keyFile.resolveSibling(name + ".vkey");
    }

    public static String pem(NoteKey key) {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(key.privateKey().getEncoded())
                + "\n" + END + "\n";
    }

    /**
     * Verifier keys given as lines or as files holding them, one or more each; blank lines and {@code #} comments
     * are skipped.
     */
    public static List<NoteVerifier> verifiers(String lineOrFile) throws IOException {
        String text = lineOrFile.strip();
        if (!text.contains("+") || Files.isRegularFile(Path.of(text))) {
            text = Files.readString(Path.of(text), StandardCharsets.UTF_8);
        }
        List<NoteVerifier> verifiers = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                verifiers.add(NoteVerifier.parse(line));
            }
        }
        if (verifiers.isEmpty()) {
            throw new IOException("no verifier key in " + lineOrFile);
        }
        return verifiers;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's own protection applies
        }
    }

    private KeyFiles() {
    }
}
