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

    /** Port 0 picks free ports. */
    public static Plenary start(DevDatabase db, int commandPort, int queryPort, String... extraProperties) {
        ConfigurableApplicationContext command = CommandSideApplication.builder()
                .profiles("local")
                .properties("spring.main.banner-mode=off")
                .properties(extraProperties)
                .registerShutdownHook(false).run(arguments(db, commandPort));
        ConfigurableApplicationContext query = QuerySideApplication.builder()
                .profiles("local")
                .properties("spring.main.banner-mode=off")
                .properties(extraProperties)
                .registerShutdownHook(false).run(arguments(db, queryPort));
        return new Plenary(command, query);
    }

    /**
     * The database and the port, as arguments: they outrank the configuration files, which read the port from
     * PLENARY_*_PORT (default 8081 and 8082), and the environment, where the PLENARY_DB_* variables name the server
     * that DevDatabase made this database on, not the database itself.
     */
    private static String[] arguments(DevDatabase db, int port) {
        return new String[]{
                "--server.port=" + port,
                "--PLENARY_DB_URL=" + db.jdbcUrl(),
                "--PLENARY_DB_USER=" + db.username(),
                "--PLENARY_DB_PASSWORD=" + db.password()};
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
