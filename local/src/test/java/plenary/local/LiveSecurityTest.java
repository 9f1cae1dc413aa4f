package plenary.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import plenary.devdb.DevDatabase;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Who may follow a draft live, tried with real STOMP clients: its admitted delegations, the chair, the
 * secretariat and auditors may subscribe; other delegations and observers get an ERROR frame and are
 * disconnected; nobody may publish to a topic.
 */
class LiveSecurityTest {

    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() throws Exception {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = new Drafts(plenary).seed("kaz");
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void theDraftsDelegationsChairSecretariatAndAuditorsFollowItLive() throws Exception {
        for (String user : new String[]{"kaz", "chair", "secretariat", "auditor"}) {
            try (LiveClient live = new LiveClient(plenary.queryPort(), user)) {
                live.subscribe("/topic/drafts." + draft);
                live.subscribe("/topic/drafts." + draft + ".presence", new LinkedBlockingQueue<>());
                assertThat(live.errors).as(user).isEmpty();
            }
        }
    }

    @Test
    void aDelegationNotAdmittedToTheDraftIsRefusedAndDisconnected() throws Exception {
        try (LiveClient tjk = new LiveClient(plenary.queryPort(), "tjk")) {
            assertThatThrownBy(() -> tjk.subscribe("/topic/drafts." + draft))
                    .isInstanceOf(LiveClient.Refused.class)
                    .hasMessageContaining("delegation TJK has not been admitted to draft " + draft);
            await().atMost(5, TimeUnit.SECONDS).until(() -> !tjk.connected());
        }
        try (LiveClient tjk = new LiveClient(plenary.queryPort(), "tjk")) {
            assertThatThrownBy(() -> tjk.subscribe("/topic/drafts." + draft + ".presence", new LinkedBlockingQueue<>()))
                    .isInstanceOf(LiveClient.Refused.class).hasMessageContaining("has not been admitted");
        }
    }

    @Test
    void admissionToOneDraftOpensNoOther() throws Exception {
        String other = new Drafts(plenary).seed("tjk");
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz")) {
            assertThatThrownBy(() -> kaz.subscribe("/topic/drafts." + other))
                    .isInstanceOf(LiveClient.Refused.class).hasMessageContaining("KAZ has not been admitted");
        }
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz")) {
            assertThatThrownBy(() -> kaz.subscribe("/topic/drafts.no-such-draft"))
                    .isInstanceOf(LiveClient.Refused.class);
        }
    }

    @Test
    void observersReadTheTextOverHttpButDoNotFollowTheNegotiationLive() throws Exception {
        try (LiveClient observer = new LiveClient(plenary.queryPort(), "observer")) {
            assertThatThrownBy(() -> observer.subscribe("/topic/drafts." + draft))
                    .isInstanceOf(LiveClient.Refused.class).hasMessageContaining("observer reads its current text");
        }
        assertThat(new Client(plenary.queryPort(), "observer").get("/api/drafts/" + draft).status()).isEqualTo(200);
    }

    @Test
    void onlyDraftTopicsExist() throws Exception {
        try (LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz")) {
            assertThatThrownBy(() -> kaz.subscribe("/topic/drafts.*"))
                    .isInstanceOf(LiveClient.Refused.class).hasMessageContaining("there is no topic");
        }
        try (LiveClient auditor = new LiveClient(plenary.queryPort(), "auditor")) {
            assertThatThrownBy(() -> auditor.subscribe("/topic/everything"))
                    .isInstanceOf(LiveClient.Refused.class).hasMessageContaining("there is no topic");
        }
    }

    @Test
    void nobodyPublishesToATopicNotEvenAnAdmittedDelegation() throws Exception {
        try (LiveClient chair = new LiveClient(plenary.queryPort(), "chair");
             LiveClient kaz = new LiveClient(plenary.queryPort(), "kaz")) {
            chair.subscribe("/topic/drafts." + draft);

            kaz.send("/topic/drafts." + draft, Map.of("draftId", draft, "version", 99, "type", "DraftFinalised"));

            assertThat(kaz.nextError()).contains("clients send only their focus");
            long version = new Drafts(plenary).awaitVersion(draft, 1).get("version").asLong();
            new Client(plenary.commandPort(), "kaz").postJson("/api/drafts/" + draft + "/paragraphs",
                    Map.of("section", "OPERATIVE", "text", "Parties agree."));
            JsonNode first = chair.next();
            assertThat(first.get("version").asLong()).as("the forged change never arrived").isEqualTo(version + 1);
        }
    }

    @Test
    void aConnectWithoutValidCredentialsIsRefused() {
        assertThatThrownBy(() -> new LiveClient(plenary.queryPort(), "nobody"))
                .isInstanceOf(ExecutionException.class);
    }
}
