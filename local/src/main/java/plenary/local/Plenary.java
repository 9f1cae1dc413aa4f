package plenary.local;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import plenary.command.CommandSideApplication;
import plenary.devdb.DevDatabase;
import plenary.query.QuerySideApplication;


/**
 * Starts the command side and the query side against one database. They stay two separate Spring contexts
 * that share nothing but the event store, exactly as in the split deployment.
 */
public final class Plenary implements AutoCloseable {

    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private Plenary(ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide) {
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    /**
     * Port 0 picks free ports. The database and the ports go in as command-line arguments: they must outrank the
     * sides' own configuration and the environment (PLENARY_DB_URL, PLENARY_*_PORT), or a test asking for a fresh
     * database and free ports would get the ones the environment names.
     */
    public static Plenary start(DevDatabase db, int commandPort, int queryPort, String... extraProperties) {
        ConfigurableApplicationContext command = CommandSideApplication.builder()
                .profiles("local").properties("spring.main.banner-mode=off").properties(extraProperties)
                .registerShutdownHook(false).run(arguments(db, commandPort));
        ConfigurableApplicationContext query = QuerySideApplication.builder()
                .profiles("local").properties("spring.main.banner-mode=off").properties(extraProperties)
                .registerShutdownHook(false).run(arguments(db, queryPort));
        return new Plenary(command, query);
    }

    private static String[] arguments(DevDatabase db, int port) {
        return new String[]{"--server.port=" + port, "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password()};
    }

    public int commandPort() {
        return ((WebServerApplicationContext) commandSide).getWebServer().getPort();
    }

    public int queryPort() {
        return ((WebServerApplicationContext) querySide).getWebServer().getPort();
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
