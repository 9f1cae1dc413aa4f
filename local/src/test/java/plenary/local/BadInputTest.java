package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that broke a draft or the server (issue 10, items 7, 8, 9 and 13), sent as an attacker would: each is
 * refused with a 4xx problem+json that names the field and what it accepts, nothing is recorded, and the draft
 * still reads and takes commands afterwards.
 */
class BadInputTest {

    static Plenary plenary;
    static String draft;
    static String paragraph;
    static Client kaz;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0, "plenary.limits.paragraphs=40");
        draft = new Drafts(plenary).seed("kaz");
        kaz = new Client(plenary.commandPort(), "kaz");
        Client.Response proposed = kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "Parties shall cooperate closely on borders."));
        paragraph = proposed.json().get("paragraphId").asText();
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    private static long version() {
        return new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft).json().get("version").asLong();
    }

    private static long recorded() {
        return new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft + "/events?format=ndjson")
                .body().lines().count();
    }

    private static void assertRefused(Client.Response r, int status, String field, String... says) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("field").asText()).isEqualTo(field);
        }
        assertThat(r.json().get("detail").asText()).contains(says);
    }

    @Test
    void aNulOrOtherControlCharacterInAFreeTextFieldIsRefusedAndTheReadModelGoesOn() {
        long before = recorded();
        assertRefused(kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                Map.of("quote", "closely", "reason", "too \u0000 strong")), 400, "reason", "U+0000");
        assertRefused(kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                Map.of("quote", "closely", "alternatives", List.of("fine", "bell\u0007"))), 400, "alternatives[1]",
                "U+0007");
        assertRefused(new Client(plenary.commandPort(), "secretariat").postJson("/api/drafts",
                Map.of("reference", "X/1", "title", "Two\nlines", "kind", "Declaration")), 400, "title", "line breaks");
        assertThat(recorded()).isEqualTo(before);

        Client.Response fine = kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                Map.of("quote", "closely", "reason", "too strong,\nsays KAZ"));
        assertThat(fine.status()).isEqualTo(201);
        new Drafts(plenary).awaitVersion(draft, fine.json().get("version").asLong());
    }

    @Test
    void bracketsNestNoDeeperThan32() {
        String p = kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "Deep words here.")).json().get("paragraphId").asText();
        Client chair = new Client(plenary.commandPort(), "chair");
        for (int depth = 1; depth <= 32; depth++) {
            assertThat(chair.postJson("/api/drafts/" + draft + "/paragraphs/" + p + "/brackets",
                    Map.of("quote", "Deep")).status()).as("depth " + depth).isEqualTo(201);
        }
        long before = recorded();
        Client.Response tooDeep = chair.postJson("/api/drafts/" + draft + "/paragraphs/" + p + "/brackets",
                Map.of("quote", "Deep"));
        assertRefused(tooDeep, 400, null, "nest brackets 33 deep", "at most 32");
        assertThat(recorded()).isEqualTo(before);
        assertThat(new Drafts(plenary).awaitVersion(draft, before).get("paragraphs")).isNotEmpty();
        assertThat(new Client(plenary.queryPort(), "kaz").get("/api/drafts/" + draft + "/text?format=markdown")
                .status()).isEqualTo(200);

        Client.Response deepImport = new Client(plenary.commandPort(), "secretariat").post("/api/drafts/import",
                "text/markdown", "1. " + "[".repeat(40) + "deep" + "]".repeat(40) + "\n");
        assertRefused(deepImport, 400, null, "at most 32");
    }

    @Test
    void aBodyTooLargeIsRefusedWith413BeforeItIsRead() throws Exception {
        for (String extra : List.of("", "Idempotency-Key: big-1\r\n")) {
            try (Socket socket = new Socket("localhost", plenary.commandPort())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/drafts/" + draft + "/paragraphs HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: Basic " + Base64.getEncoder().encodeToString("kaz:kaz".getBytes()) + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 700000000\r\n" + extra + "\r\n{\"text\": \"")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String answer = readHead(socket.getInputStream());
                assertThat(answer).as("without reading 700 MB").startsWith("HTTP/1.1 413");
                assertThat(answer).contains("application/problem+json");
            }
        }
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + plenary.commandPort() + "/api/drafts/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("secretariat:secretariat".getBytes()))
                .header("Content-Type", "text/markdown")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        Stream.generate(() -> (InputStream) new ByteArrayInputStream("1. Parties act.\n".repeat(60_000)
                                .getBytes(StandardCharsets.UTF_8))).limit(20).toList())))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("a body without a length, cut off at the limit").isEqualTo(413);
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && !head.toString().endsWith("\r\n\r\n")) {
            head.append((char) c);
        }
        return head.toString();
    }

    @Test
    void paragraphsQuotesAlternativesAndDraftsHaveTheirLimits() {
        long before = recorded();
        assertRefused(kaz.postJson("/api/drafts/" + draft + "/paragraphs",
                Map.of("section", "OPERATIVE", "text", "x".repeat(20_001))), 400, "text", "at most 20000");
        assertRefused(kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                Map.of("quote", "q".repeat(10_001))), 400, "quote", "at most 10000");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("alternative " + i);
        }
        assertRefused(kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                Map.of("quote", "borders", "alternatives", many)), 400, null, "at most 20");
        assertThat(recorded()).isEqualTo(before);

        String fourtyOne = "1. Parties act.\n".repeat(41);
        assertRefused(new Client(plenary.commandPort(), "secretariat").post("/api/drafts/import", "text/markdown",
                fourtyOne), 400, null, "at most 40", "plenary.limits.paragraphs");
    }

    @Test
    void everyRefusalNamesTheFieldAndWhatItAccepts() {
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        String silence = "/api/drafts/" + draft + "/silence-procedures";
        assertRefused(secretariat.postJson(silence, Map.of("deadline", "2099-01-01T00:00:00Z", "subject", "the text")),
                400, "subject", "\"the text\" is not one of PARTICIPATION, TEXT");
        assertRefused(secretariat.postJson(silence, Map.of("deadline", "-1000000000-01-01T00:00:00Z")), 400,
                "deadline", "between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
        assertRefused(secretariat.postJson(silence, Map.of("deadline", "+1000000000-01-01T00:00:00Z")), 400,
                "deadline", "out of range");
        assertRefused(secretariat.postJson(silence, Map.of("deadline", "tomorrow")), 400, "deadline",
                "ISO-8601 instant");
        assertRefused(kaz.postJson("/api/drafts/" + draft + "/paragraphs/" + paragraph + "/brackets",
                Map.of("quote", "borders", "occurrence", "first")), 400, "occurrence", "whole number");
        assertRefused(kaz.postJson("/api/drafts/" + draft + "/paragraphs", Map.of("section", "ANNEX", "text", "x")),
                400, "section", "PREAMBLE, OPERATIVE");
        assertRefused(kaz.post("/api/drafts/" + draft + "/paragraphs", "application/json", "{\"text\": "), 400, null,
                "not JSON");
        assertRefused(kaz.post("/api/drafts/" + draft + "/paragraphs", "application/json",
                "{\"a\":".repeat(100) + "1" + "}".repeat(100)), 400, null, "beyond what a command holds");

        Client auditor = new Client(plenary.queryPort(), "auditor");
        for (String at : List.of("-1000000000-01-01T00:00:00Z", "%2B1000000000-01-01T00:00:00Z")) {
            Client.Response r = auditor.get("/api/drafts/" + draft + "?at=" + at);
            assertThat(r.status()).as(at).isEqualTo(400);
            assertThat(r.json().get("detail").asText()).contains("between");
        }
        JsonNode unchanged = new Client(plenary.queryPort(), "auditor").get("/api/drafts/" + draft).json();
        assertThat(unchanged.path("silenceProcedure").isNull() || unchanged.path("silenceProcedure").isMissingNode())
                .as("no procedure was started").isTrue();
    }
}
