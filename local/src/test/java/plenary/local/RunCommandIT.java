package plenary.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import plenary.devdb.DevDatabase;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command, after packaging: the local-mode jar starts as a user starts it, serves both sides and
 * stops when asked. Unit tests run before the jar exists, so only this test sees what the jar really ships.
 */
class RunCommandIT {

    private static final Pattern URL = Pattern.compile("(command|query) side\\s+http://localhost:(\\d+)/api/drafts");

    @Test
    void theLocalModeJarStartsServesAndStops(@TempDir Path data) throws Exception {
        DevDatabase db = DevDatabase.forTests();
        ProcessBuilder run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dplenary.data=" + data.resolve("pg"), "-Dplenary.command.port=0", "-Dplenary.query.port=0",
                "-jar", "target/plenary-local.jar").redirectErrorStream(true);
        run.environment().put("PLENARY_DB_URL", db.jdbcUrl());
        run.environment().put("PLENARY_DB_USER", db.username());
        run.environment().put("PLENARY_DB_PASSWORD", db.password());
        assertThat(Files.exists(Path.of("target/plenary-local.jar"))).as("packaged before this test").isTrue();

        Process plenary = run.start();
        try {
            List<String> output = new ArrayList<>();
            int commandPort = 0;
            int queryPort = 0;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(plenary.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null && queryPort == 0; line = out.readLine()) {
                    output.add(line);
                    Matcher m = URL.matcher(line);
                    if (m.find()) {
                        int port = Integer.parseInt(m.group(2));
                        if (m.group(1).equals("command")) {
                            commandPort = port;
                        } else {
                            queryPort = port;
                        }
                    }
                }
                assertThat(queryPort).as(String.join("\n", output)).isPositive();
                assertThat(output).anyMatch(l -> l.contains("Plenary is ready"));

                Client.Response created = new Client(commandPort, "secretariat").postJson("/api/drafts",
                        java.util.Map.of("reference", "RUN/1", "title", "Run", "kind", "declaration"));
                assertThat(created.status()).isEqualTo(201);
                assertThat(new Client(queryPort, "auditor").get("/api/drafts").status()).isEqualTo(200);

                plenary.destroy(); // SIGTERM, as Ctrl-C's shutdown hooks run on it too
                assertThat(plenary.waitFor(60, TimeUnit.SECONDS)).as("stops when asked").isTrue();
            }
        } finally {
            plenary.destroyForcibly();
        }
    }
}
