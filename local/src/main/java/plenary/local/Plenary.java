package plenary.local;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import plenary.command.CommandSideApplication;
import plenary.devdb.DevDatabase;
import plenary.query.QuerySideApplication;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Starts the command side and the query side against one database. They stay two separate Spring contexts
 * that share nothing but the event store, exactly as in the split deployment, and what the split deployment is
 * configured with: the session-token key (made anew for each run), the command side's URL for the web client, and
 * the query side's origin as the command side's one web origin.
 */
public final class Plenary implements AutoCloseable {

    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private Plenary(ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide) {
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    /**
     * Port 0 picks free ports. The database, ports and key go in as command-line arguments, which outrank the
     * environment, so that a test's fresh database wins over a PLENARY_DB_URL set for the whole run.
     */
    public static Plenary start(DevDatabase db, int commandPort, int queryPort, String... extraProperties) {
        String key = "--plenary.identity.token-key=" + newKey();
        ConfigurableApplicationContext command = CommandSideApplication.builder()
                .profiles("local").properties("spring.main.banner-mode=off").properties(extraProperties)
                .registerShutdownHook(false).run(arguments(db, commandPort, key));
        int actualCommandPort = port(command);
        ConfigurableApplicationContext query = QuerySideApplication.builder()
                .profiles("local").properties("spring.main.banner-mode=off").properties(extraProperties)
                .registerShutdownHook(false).run(arguments(db, queryPort, key,
                        "--plenary.identity.command-url=http://localhost:" + actualCommandPort));
        int actualQueryPort = port(query);
        // the command side learns the web client's origin once the query side has its port
        String origins = String.join(",", command.getEnvironment().getProperty("plenary.web.origins", ""),
                "http://localhost:" + actualQueryPort, "http://127.0.0.1:" + actualQueryPort);
        command.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("plenary-local", Map.of("plenary.web.origins", origins)));
        return new Plenary(command, query);
    }

    /** One side alone, as a node of the scale-out ({@link ScaleOut}): the database and port as for {@link #start}. */
    static ConfigurableApplicationContext startSide(boolean command, DevDatabase db, int port, String... more) {
        var builder = command ? CommandSideApplication.builder() : QuerySideApplication.builder();
        return builder.profiles("local").properties("spring.main.banner-mode=off").run(arguments(db, port, more));
    }

    private static String[] arguments(DevDatabase db, int port, String... more) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=" + port,
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password()));
        arguments.addAll(List.of(more));
        return arguments.toArray(String[]::new);
    }

    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int port(ConfigurableApplicationContext side) {
        return ((WebServerApplicationContext) side).getWebServer().getPort();
    }

    public int commandPort() {
        return port(commandSide);
    }

    public int queryPort() {
        return port(querySide);
    }

    public ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    public ConfigurableApplicationContext querySide() {
        return querySide;
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
    }
}
