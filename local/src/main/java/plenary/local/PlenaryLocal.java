package plenary.local;

import plenary.devdb.DevDatabase;
import plenary.access.DemoAccounts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * {@code java -jar local/target/plenary-local.jar}: the whole of Plenary on this machine, with one command; with
 * {@code scale-out}, two nodes of each side ({@link ScaleOut}).
 */
public final class PlenaryLocal {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("scale-out")) {
            ScaleOut.main(args);
            return;
        }
        if (args.length > 0 && args[0].equals("node")) {
            ScaleOut.node(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        long started = System.nanoTime();
        Path data = Path.of(System.getProperty("plenary.data", ".plenary/pg")).toAbsolutePath();
        int commandPort = Integer.getInteger("plenary.command.port", envInt("PLENARY_COMMAND_PORT", 8081));
        int queryPort = Integer.getInteger("plenary.query.port", envInt("PLENARY_QUERY_PORT", 8082));

        DevDatabase db = DevDatabase.persistent(data);
        Plenary plenary = Plenary.start(db, commandPort, queryPort);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Plenary: stopping");
            plenary.close();
            db.close();
        }, "plenary-stop"));
        String demo = DemoRoom.wanted() ? DemoRoom.openIfEmpty(plenary) : null;

        String accounts = DemoAccounts.all().stream().map(DemoAccounts.Account::user)
                .collect(Collectors.joining(", "));
        System.out.printf("""

                ──────────────────────────────────────────────────────────────────────
                 Plenary is ready (%s ms)
                   web client    http://localhost:%d/   (sign in as kaz, password kaz)%s
                   command side  http://localhost:%d/api/drafts   (OpenAPI: /v3/api-docs)
                   query side    http://localhost:%d/api/drafts   (OpenAPI: /v3/api-docs)
                   live (STOMP)  ws://localhost:%d/ws   topic /topic/drafts.{draftId}
                   database      %s
                 Demo accounts (HTTP Basic, password = user name):
                   %s
                 Ctrl-C stops it; the drafts stay in %s
                ──────────────────────────────────────────────────────────────────────
                %n""", Duration.ofNanos(System.nanoTime() - started).toMillis(), plenary.queryPort(),
                demo == null ? "" : "\n   demo room     the seed communiqué is open, with the nine delegations admitted",
                plenary.commandPort(),
                plenary.queryPort(), plenary.queryPort(), db.jdbcUrl(), accounts, data);
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private PlenaryLocal() {
    }
}
