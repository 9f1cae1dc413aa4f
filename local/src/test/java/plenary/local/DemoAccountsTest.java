package plenary.local;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import plenary.command.CommandSideApplication;
import plenary.devdb.DevDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo accounts ("kaz" with password "kaz") are for local mode only (issue 10, item 5): a deployment whose
 * profile list merely contains {@code local} next to others gets none, and a side given no accounts refuses to
 * start rather than run open or with demo passwords.
 */
class DemoAccountsTest {

    static final String KEY = "--plenary.identity.token-key=" + "a".repeat(43) + "=";
    /** Any profile but local needs the record's signing key too; this one is made on first use. */
    static final String RECORD_KEY = "--plenary.record.local-key=target/demo-accounts/record-key.pem";

    @Test
    void aProfileListThatMerelyContainsLocalGetsNoDemoAccounts() {
        DevDatabase db = DevDatabase.forTests();
        try (ConfigurableApplicationContext side = commandSide(db, List.of("local", "production"),
                "--plenary.accounts[0].user=admin", "--plenary.accounts[0].password={noop}a-long-secret",
                "--plenary.accounts[0].role=SECRETARIAT")) {
            int port = ((WebServerApplicationContext) side).getWebServer().getPort();
            Client.Response demo = new Client(port, "secretariat").postJson("/api/drafts",
                    Map.of("reference", "X/1", "title", "T", "kind", "Declaration"));
            assertThat(demo.status()).isEqualTo(401);

            Client.Response configured = Client.anonymous(port)
                    .with("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "admin:a-long-secret".getBytes()))
                    .postJson("/api/drafts", Map.of("reference", "X/1", "title", "T", "kind", "Declaration"));
            assertThat(configured.status()).isEqualTo(201);
        }
    }

    @Test
    void aSideGivenNoAccountsOrADemoPasswordRefusesToStart() {
        DevDatabase db = DevDatabase.forTests();
        assertThatThrownBy(() -> commandSide(db, List.of("local", "production")).close())
                .hasStackTraceContaining("no accounts configured");
        assertThatThrownBy(() -> commandSide(db, List.of(), "--plenary.accounts[0].user=kaz",
                "--plenary.accounts[0].password=kaz", "--plenary.accounts[0].role=DELEGATION",
                "--plenary.accounts[0].delegation=kaz").close())
                .hasStackTraceContaining("demo password");
        assertThatThrownBy(() -> commandSide(db, List.of("local"), "--plenary.identity.token-key=").close())
                .as("nor without the token key").hasStackTraceContaining("plenary.identity.token-key");
    }

    private static ConfigurableApplicationContext commandSide(DevDatabase db, List<String> profiles, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(), "--spring.datasource.password=" + db.password(),
                "--spring.main.banner-mode=off", KEY, RECORD_KEY));
        args.addAll(List.of(more));
        return CommandSideApplication.builder().profiles(profiles.toArray(String[]::new))
                .registerShutdownHook(false).run(args.toArray(String[]::new));
    }
}
