package plenary.local.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import plenary.devdb.DevDatabase;
import plenary.local.Client;
import plenary.local.DemoRoom;
import plenary.local.Plenary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The web client page by page: what each role sees and can do, in a real browser on the demo room. Accessibility
 * (axe-core, the keyboard, the live region, tablet width), languages and scripts, errors in plain words, and a
 * screenshot of each role's page under target/screenshots.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class WebClientTest {

    static Plenary plenary;
    static String draft;
    static String room;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = DemoRoom.open(plenary.commandPort());
        room = "/drafts/" + draft;
        // the query side follows the command side: wait until it has the room (the import and nine admissions)
        Client chair = new Client(plenary.queryPort(), "chair");
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Client.Response doc = chair.get("/api/drafts/" + draft + "?form=header");
            return doc.status() == 200 && doc.json().get("version").asLong() >= 10;
        });
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void a_theDraftReadsLikeTheExportWithBracketsAttributionAndACleanView() {
        JsonNode doc = read("kaz", room);
        String ppV = paragraphId(doc, "(v)");
        Client.Response bracketed = command("kaz", "/paragraphs/" + ppV + "/brackets",
                Map.of("quote", "manage borders", "alternatives", List.of("secure borders")));
        assertThat(bracketed.status()).isEqualTo(201);
        String bracket = bracketed.json().get("bracketId").asText();
        // ids tell their origin: the event at version v makes the alternatives a<v>.2 (the words) and a<v>.3
        String secure = "a" + bracketed.json().get("version").asLong() + ".3";
        assertThat(command("tur", "/brackets/" + bracket + "/alternatives/" + secure + "/support", null).status()).isEqualTo(200);
        assertThat(command("afg", "/brackets/" + bracket + "/alternatives/" + secure + "/objection", null).status()).isEqualTo(200);

        try (Page kaz = Page.signIn(plenary.queryPort(), "kaz", room).live()) {
            kaz.until(d -> kaz.paragraph("PP (v)").getAttribute("innerHTML").contains("AFG"));
            String text = kaz.find(".document").getText();
            assertThat(kaz.find(".document .symbol").getText()).isEqualTo("Almaty Process/03/01/2013");
            assertThat(kaz.find(".document .meta").getText()).contains("Draft").contains("05/06/2013");
            assertThat(kaz.find(".document h1.title").getText()).startsWith("Ministerial Conference on Refugee Protection");
            assertThat(kaz.paragraph("PP (ii)").findElement(By.cssSelector(".words > i")).getText()).isEqualTo("Expressing");
            assertThat(kaz.find(".document .chapeau i").getText()).isEqualTo("Have decided to:");
            assertThat(kaz.paragraph("OP 1").findElement(By.cssSelector(".num")).getText()).isEqualTo("1.");
            assertThat(kaz.find(".document #fn-1").getText()).startsWith("1 The States listed in brackets");
            assertThat(kaz.all(".document .bracket.participant").stream().map(WebElement::getText))
                    .containsExactly("[the Islamic Republic of Iran]", "[the Islamic Republic of Pakistan]");
            assertThat(text).contains("[manage borders][secure borders]");
            // depth is marked by more than colour: the square brackets themselves, and the border's style
            assertThat(kaz.find(".document .bracket[data-bracket]").getCssValue("border-bottom-style")).isEqualTo("solid");

            kaz.find("#opt-holders").click();
            kaz.until(d -> kaz.paragraph("PP (v)").getText().contains("[secure borders] (KAZ; TUR: retain; AFG: delete)"));
            kaz.find("#opt-clean").click();
            kaz.until(d -> kaz.paragraph("PP (v)").getText().contains("irregular migration, manage borders, stem"));
            assertThat(kaz.find(".document .meta").getText()).contains("Clean view");
            kaz.find("#opt-clean").click();
            kaz.find("#opt-holders").click();

            // every export format, downloaded with the session (the first one read here)
            assertThat(kaz.all(".downloads a[data-format]").stream().map(a -> a.getAttribute("data-format")))
                    .containsExactly("markdown", "html", "pdf", "docx", "akn");
            String markdown = (String) kaz.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.querySelector('.downloads a[data-format=markdown]').href).then(r => r.text()).then(done);""");
            assertThat(markdown).startsWith("Ref: Almaty Process/03/01/2013").contains("[manage borders][secure borders]");
            kaz.screenshot("delegation-kaz");
        }
    }

    @Test
    void b_axeFindsNoSeriousOrCriticalViolationsOnTheDraftsListTheDraftAndTheTimeline() {
        try (Page kaz = Page.signIn(plenary.queryPort(), "kaz", "/")) {
            kaz.until(d -> !kaz.all("table.drafts tbody a").isEmpty());
            assertNoSeriousViolations(kaz, "drafts list");
            kaz.screenshot("drafts-list");
            kaz.find("table.drafts tbody a").click();
            kaz.ready().live();
            kaz.find("#opt-holders").click();
            assertNoSeriousViolations(kaz, "draft page");
        }
        try (Page auditor = Page.signIn(plenary.queryPort(), "auditor", room + "/history")) {
            auditor.until(d -> auditor.find(".text-column").getAttribute("data-version") != null);
            auditor.until(d -> !auditor.all("ol.history-list li").isEmpty());
            assertNoSeriousViolations(auditor, "timeline");
            auditor.find("#verify").click();
            auditor.until(d -> auditor.find(".verdict").getText().startsWith("Intact"));
            assertThat(auditor.find(".verdict code").getText()).matches("[0-9a-f]{64}");
            new Select(auditor.find("#filter-delegation")).selectByValue("tur");
            auditor.until(d -> auditor.all("ol.history-list li").size() == 1
                    && auditor.find("ol.history-list").getText().contains("TUR"));
            auditor.screenshot("auditor-timeline");
        }
    }

    private static void assertNoSeriousViolations(Page page, String what) {
        Results results = new AxeBuilder().analyze(page.driver);
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact())).toList();
        System.out.printf("AXE %s: %d violations (%s), %d serious or critical, %d rules passed%n", what,
                results.getViolations().size(),
                results.getViolations().stream().map(v -> v.getId() + ":" + v.getImpact()).collect(Collectors.joining(", ")),
                serious.size(), results.getPasses().size());
        assertThat(serious).as(what + ": " + serious.stream().map(v -> v.getId() + " " + v.getNodes().stream()
                .map(n -> n.getTarget().toString()).limit(3).toList()).toList()).isEmpty();
    }

    @Test
    void c_everyActionWorksFromTheKeyboardAndChangesAreAnnouncedInTheLiveRegion() {
        try (Page kaz = Page.signIn(plenary.queryPort(), "kaz", room).live();
             Page tur = Page.signIn(plenary.queryPort(), "tur", room).live()) {
            // Tab from the top until the keyboard is on OP 1; Enter goes to its actions; Tab on to "Agree"
            for (int i = 0; i < 40 && !"OP 1".equals(active(kaz).getAttribute("aria-label")); i++) {
                active(kaz).sendKeys(Keys.TAB);
            }
            assertThat(active(kaz).getAttribute("aria-label")).isEqualTo("OP 1");
            active(kaz).sendKeys(Keys.ENTER);
            kaz.until(d -> kaz.find(".actions .group[data-paragraph]").getAttribute("aria-label").equals("OP 1"));
            for (int i = 0; i < 20 && !active(kaz).getText().equals("Agree"); i++) {
                active(kaz).sendKeys(Keys.TAB);
            }
            assertThat(active(kaz).getText()).isEqualTo("Agree");
            active(kaz).sendKeys(Keys.ENTER);
            tur.until(d -> tur.paragraph("OP 1").getText().contains("agreed by KAZ"));
            tur.until(d -> tur.find("#announcer").getText().equals("KAZ agreed OP 1."));
            assertThat(tur.find("#announcer").getAttribute("aria-live")).isEqualTo("polite");
        }
    }

    private static WebElement active(Page page) {
        return page.driver.switchTo().activeElement();
    }

    @Test
    void d_refusalsSayWhyInPlainWordsAndKeepWhatWasTyped() {
        try (Page kaz = Page.signIn(plenary.queryPort(), "kaz", room).live();
             Page chair = Page.signIn(plenary.queryPort(), "chair", room).live()) {
            // 409: a quote that is not there shows the paragraph as it now stands
            kaz.paragraph("PP (iv)").click();
            kaz.press(".actions", "Bracket words");
            kaz.fill("quote", "words that are not there");
            kaz.fill("alternatives", "my careful alternative");
            kaz.submitDialog();
            WebElement error = kaz.until(d -> d.findElement(By.cssSelector("dialog[open] .dialog-error blockquote")));
            assertThat(kaz.find("dialog[open] .dialog-error").getText())
                    .contains("The rules do not allow it now: 'words that are not there' is not in the paragraph")
                    .contains("The paragraph as it now stands:");
            assertThat(error.getText()).startsWith("Recognizing the continued need");
            assertThat(kaz.find("dialog[open] [name=alternatives]").getAttribute("value")).isEqualTo("my careful alternative");
            kaz.screenshot("refusal-409");
            kaz.fill("quote", "continued need");
            kaz.submitDialog();
            kaz.dialogClosed();
            kaz.until(d -> kaz.paragraph("PP (iv)").getText().contains("[continued need][my careful alternative]"));

            // 412: the chair decides on what the page showed; tur agrees meanwhile; the page catches up and says so
            chair.paragraph("OP 2").click();
            chair.press(".actions", "Set status");
            new Select(chair.find("dialog[open] [name=status]")).selectByValue("SECOND_READING");
            String op2 = paragraphId(read("tur", room), "2.");
            assertThat(command("tur", "/paragraphs/" + op2 + "/agreement", Map.of("adReferendum", false)).status()).isEqualTo(200);
            chair.until(d -> chair.paragraph("OP 2").findElement(By.cssSelector(".marks")).getText().contains("TUR"));
            chair.submitDialog();
            chair.until(d -> chair.find("dialog[open] .dialog-error").getText().startsWith(
                    "Someone changed the draft meanwhile (it is now at version"));
            assertThat(new Select(chair.find("dialog[open] [name=status]")).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("SECOND_READING");
            chair.screenshot("refusal-412");
            chair.submitDialog();
            chair.dialogClosed();
            chair.until(d -> chair.paragraph("OP 2").getText().contains("Second reading"));
        }
    }

    @Test
    void e_theRoomSpeaksRussianAndShowsCyrillicAndArabicScriptRightToLeftWhereTheyAre() {
        String op2 = paragraphId(read("chair", room), "2.");
        String persian = "همکاری منطقه‌ای برای مدیریت مرزها و حمایت از پناهندگان";
        String russian = "Сотрудничество в области управления границами и защиты беженцев";
        assertThat(command("chair", "/paragraphs", Map.of("section", "OPERATIVE", "after", op2, "text", persian)).status()).isEqualTo(201);
        assertThat(command("chair", "/paragraphs", Map.of("section", "OPERATIVE", "text", russian,
                "after", paragraphId("chair", "3."))).status()).isEqualTo(201);
        // the sign-in page speaks Russian too, and the room keeps the language chosen there
        try (Page kaz = Page.signIn(plenary.queryPort(), "kaz", room, form -> {
            new Select(form.find("#language")).selectByValue("ru");
            form.until(d -> form.find("form label").getText().startsWith("Имя пользователя"));
            assertThat(form.find("form [type=submit]").getText()).isEqualTo("Войти");
            assertThat(form.find("html").getAttribute("lang")).isEqualTo("ru");
            form.screenshot("sign-in-russian");
        }).live()) {
            kaz.until(d -> kaz.find("html").getAttribute("lang").equals("ru"));
            kaz.until(d -> kaz.find(".toolbar").getText().contains("Чистый текст"));
            assertThat(kaz.find(".presence h2").getText()).isEqualTo("В зале");
            assertThat(kaz.find("#bar").getText()).contains("Выйти");

            WebElement farsi = kaz.paragraph("ПУ 3");
            assertThat(farsi.findElement(By.cssSelector(".words")).getText()).isEqualTo(persian);
            assertThat(kaz.js("return getComputedStyle(arguments[0]).direction", farsi.findElement(By.cssSelector(".words"))))
                    .isEqualTo("rtl");
            kaz.selectWithMouse(farsi, "مدیریت مرزها");
            kaz.press(".actions", "Взять в скобки «مدیریت مرزها»");
            kaz.fill("alternatives", "امنیت مرزها");
            kaz.submitDialog();
            kaz.dialogClosed();
            kaz.until(d -> kaz.paragraph("ПУ 3").getText().contains("[مدیریت مرزها][امنیت مرزها]"));

            WebElement cyrillic = kaz.paragraph("ПУ 4");
            kaz.selectWithMouse(cyrillic, "управления границами");
            kaz.press(".actions", "Взять в скобки «управления границами»");
            kaz.fill("alternatives", "охраны границ");
            kaz.submitDialog();
            kaz.dialogClosed();
            kaz.until(d -> kaz.paragraph("ПУ 4").getText().contains("[управления границами][охраны границ]"));
            kaz.screenshot("delegation-russian-and-persian");
            new Select(kaz.find("#language")).selectByValue("en");
            kaz.until(d -> kaz.find("html").getAttribute("lang").equals("en"));
        }
    }

    @Test
    void f_theSecretariatImportsAdmitsIssuesARevisionAndStartsASilenceThatEveryPageCountsDown() throws Exception {
        Path text = Files.createTempFile("zero-draft", ".md");
        Files.writeString(text, """
                Ref: Bishkek/2014/L.1

                Date: 01/03/2014

                Zero draft

                **Bishkek Ministerial Meeting**

                *Have decided to:*

                1. Meet again in 2015.
                """);
        try (Page secretariat = Page.signIn(plenary.queryPort(), "secretariat", "/");
             Page kaz = Page.signIn(plenary.queryPort(), "kaz", room).live()) {
            secretariat.press(".drafts-page", "Import a text");
            secretariat.find("dialog[open] input[type=file]").sendKeys(text.toString());
            secretariat.submitDialog();
            secretariat.until(d -> d.getCurrentUrl().matches(".*/drafts/[^/]+$") && !d.getCurrentUrl().endsWith(draft));
            secretariat.ready().live();
            assertThat(secretariat.find(".document .symbol").getText()).isEqualTo("Bishkek/2014/L.1");
            secretariat.press(".actions", "Admit a delegation");
            secretariat.fill("code", "kgz");
            secretariat.fill("name", "the Kyrgyz Republic");
            secretariat.submitDialog();
            secretariat.dialogClosed();

            secretariat.open(room);
            secretariat.live();
            secretariat.press(".actions", "Issue a revision");
            secretariat.submitDialog();
            secretariat.dialogClosed();
            secretariat.until(d -> secretariat.find(".document .symbol").getText().endsWith("/Rev.1"));
            kaz.until(d -> kaz.find(".document .symbol").getText().endsWith("/Rev.1"));

            secretariat.press(".actions", "Start a silence procedure");
            String deadline = Instant.now().plus(3, ChronoUnit.DAYS).toString();
            secretariat.js("""
                    const input = document.querySelector('dialog[open] [name=deadline]');
                    const at = new Date(arguments[0]);
                    input.value = new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 16);""", deadline);
            secretariat.submitDialog();
            secretariat.dialogClosed();
            kaz.until(d -> kaz.find("#silence").isDisplayed() && kaz.find("#silence").getText().startsWith("Silence procedure: 2 d"));
            secretariat.screenshot("secretariat");

            kaz.press(".actions", "Break the silence");
            kaz.fill("reason", "Capital needs to review OP 1.");
            kaz.submitDialog();
            kaz.dialogClosed();
            secretariat.until(d -> !secretariat.find("#silence").isDisplayed());
        }
    }

    @Test
    void g_theChairImportsANewTextAndSeesWhatItChanged_andAnObserverReadsWithoutLive() throws Exception {
        String current = new Client(plenary.queryPort(), "chair").get("/api/drafts/" + draft + "/text?format=markdown").body();
        Path text = Files.createTempFile("rev", ".md");
        Files.writeString(text, current.replace("Develop and strengthen the Almaty Process", "Develop and deepen the Almaty Process"));
        try (Page chair = Page.signIn(plenary.queryPort(), "chair", room).live()) {
            chair.press(".actions", "Import a new text of the draft");
            chair.find("dialog[open] input[type=file]").sendKeys(text.toString());
            chair.submitDialog();
            chair.until(d -> !d.findElements(By.cssSelector("dialog[open] iframe.redline")).isEmpty()
                    || !d.findElement(By.cssSelector("dialog[open] .dialog-error")).getText().isEmpty());
            assertThat(chair.find("dialog[open]").getText()).doesNotContain("not accepted", "not allow");
            chair.driver.switchTo().frame(chair.find("dialog[open] iframe.redline"));
            chair.until(d -> d.findElements(By.tagName("ins")).stream().anyMatch(e -> e.getText().contains("deepen")));
            chair.driver.switchTo().defaultContent();
            chair.screenshot("chair-revised-from-text");
            chair.submitDialog();
            chair.paragraph("OP 1").click();
            chair.until(d -> chair.find(".actions").getText().contains("Set status"));
            chair.screenshot("chair");
        }
        try (Page observer = Page.signIn(plenary.queryPort(), "observer", room)) {
            observer.until(d -> !observer.all(".document .para").isEmpty());
            assertThat(observer.find("#connection").getAttribute("data-state")).isIn("readOnly", "refused");
            assertThat(observer.all(".actions button")).isEmpty();
            observer.screenshot("observer");
        }
    }

    @Test
    void h_thePageWorksAtTabletWidth() {
        try (Page tur = Page.signIn(plenary.queryPort(), "tur", room, 800, 1100).live()) {
            assertThat(((Number) tur.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(800);
            WebElement side = tur.find("aside.side");
            WebElement text = tur.find(".text-column");
            assertThat(side.getLocation().getY()).isLessThan(text.getLocation().getY());
            tur.paragraph("PP (iii)").click();
            tur.until(d -> tur.find(".actions").getText().contains("PP (iii)"));
            tur.screenshot("delegation-tur-tablet");
        }
    }

    @Test
    void i_everyOtherActionOfADelegationTheChairTheSecretariatAndTheAuditorWorksInThePage() throws Exception {
        try (Page tur = Page.signIn(plenary.queryPort(), "tur", room).live();
             Page chair = Page.signIn(plenary.queryPort(), "chair", room).live()) {
            chair.find("#opt-holders").click();

            // a delegation brackets words and withdraws its own bracket
            tur.selectWithMouse(tur.paragraph("PP (viii)"), "several Central Asian States");
            tur.press(".actions", "Bracket “several Central Asian States”");
            tur.fill("alternatives", "some Central Asian States");
            tur.submitDialog();
            tur.dialogClosed();
            chair.until(d -> chair.paragraph("PP (viii)").getText()
                    .contains("[several Central Asian States][some Central Asian States] (TUR)"));
            tur.press(".actions .bracket-item", "Withdraw the bracket");
            chair.until(d -> !chair.paragraph("PP (viii)").getText().contains("some Central Asian States"));

            // … deletes another's alternative, adds its own and withdraws that
            tur.paragraph("PP (v)").click();
            alternative(tur, "[manage borders]", "Delete").click();
            chair.until(d -> chair.paragraph("PP (v)").getText().contains("[manage borders] (TUR: delete)"));
            tur.press(".actions .bracket-item", "Add an alternative");
            tur.fill("text", "protect borders");
            tur.submitDialog();
            tur.dialogClosed();
            chair.until(d -> chair.paragraph("PP (v)").getText().contains("[protect borders] (TUR)"));
            alternative(tur, "[protect borders]", "Withdraw").click();
            chair.until(d -> !chair.paragraph("PP (v)").getText().contains("protect borders"));

            // … proposes an option and a deletion, and agrees ad referendum
            tur.paragraph("PP (vi)").click();
            tur.press(".actions", "Propose an option");
            tur.fill("text", "*Reaffirming* the value of national legal frameworks;");
            tur.submitDialog();
            tur.dialogClosed();
            chair.until(d -> chair.paragraph("PP (vi)").getText().contains("Option 2:")
                    && chair.paragraph("PP (vi)").getText().contains("[Reaffirming the value of national legal frameworks;]"));
            tur.paragraph("PP (vii)").click();
            tur.press(".actions", "Propose deleting it");
            tur.submitDialog();
            tur.dialogClosed();
            chair.until(d -> !chair.paragraph("PP (vii)").findElements(By.cssSelector(".bracket")).isEmpty());
            tur.paragraph("PP (ix)").click();
            tur.press(".actions", "Agree ad referendum");
            chair.until(d -> chair.paragraph("PP (ix)").getText().contains("TUR (ad ref."));

            // the chair proposes bridging text and moves a paragraph to the top
            chair.paragraph("PP (v)").click();
            chair.press(".actions .bracket-item", "Propose bridging text");
            chair.fill("text", "manage and secure borders");
            chair.submitDialog();
            chair.dialogClosed();
            tur.until(d -> tur.paragraph("PP (v)").getText().contains("[manage and secure borders]"));
            chair.paragraph("PP (xi)").click();
            chair.press(".actions", "Move");
            new Select(chair.find("dialog[open] [name=after]")).selectByValue("");
            chair.submitDialog();
            chair.dialogClosed();
            tur.until(d -> tur.find(".document .preamble .para").getText().contains("our gratitude for the positive"));
        }

        // the secretariat issues a corrigendum to a final text
        Client secretariat = new Client(plenary.commandPort(), "secretariat");
        String small = """
                Ref: TEST/2026/1

                Date: 1 May 2026

                Draft

                **A Small Text**

                *Have decided to:*

                1. Meet again.
                """;
        String finalText = secretariat.post("/api/drafts/import", "text/markdown", small).json().get("draftId").asText();
        assertThat(secretariat.post("/api/drafts/" + finalText + "/finalise").status()).isEqualTo(200);
        Path corrected = Files.createTempFile("corrigendum", ".md");
        Files.writeString(corrected, small.replace("Meet again.", "Meet again in 2027."));
        try (Page page = Page.signIn(plenary.queryPort(), "secretariat", "/drafts/" + finalText).live()) {
            page.until(d -> page.find(".toolbar .draft-status").getAttribute("data-status").equals("FINAL"));
            page.press(".actions", "Issue a corrigendum");
            page.find("dialog[open] input[type=file]").sendKeys(corrected.toString());
            page.submitDialog();
            page.dialogClosed();
            page.until(d -> page.find(".document .symbol").getText().equals("TEST/2026/1/Corr.1"));
            page.until(d -> page.paragraph("OP 1").getText().contains("Meet again in 2027."));
        }

        // the auditor steps through the record, plays it, and jumps to a revision
        try (Page auditor = Page.signIn(plenary.queryPort(), "auditor", room + "/history")) {
            auditor.until(d -> auditor.find(".text-column").getAttribute("data-version") != null);
            auditor.press(".slider-bar", "First");
            auditor.until(d -> "1".equals(auditor.find(".text-column").getAttribute("data-version")));
            auditor.press(".slider-bar", "Step forward");
            auditor.until(d -> "2".equals(auditor.find(".text-column").getAttribute("data-version")));
            auditor.press(".slider-bar", "Play");
            auditor.until(d -> Integer.parseInt(auditor.find(".text-column").getAttribute("data-version")) >= 4);
            auditor.press(".slider-bar", "Pause");
            Select revision = new Select(auditor.find("#revision"));
            revision.selectByIndex(1);
            String rev1 = revision.getFirstSelectedOption().getAttribute("value");
            assertThat(revision.getFirstSelectedOption().getText()).startsWith("Rev.1");
            auditor.until(d -> rev1.equals(auditor.find(".text-column").getAttribute("data-version")));
            assertThat(auditor.find(".text-column .document .symbol").getText()).endsWith("/Rev.1");
        }
    }

    /** The button labelled {@code label} of the alternative whose words read {@code words}, in the actions. */
    private static WebElement alternative(Page page, String words, String label) {
        return page.until(d -> d.findElements(By.cssSelector(".actions ol.alternatives > li")).stream()
                .filter(li -> li.findElement(By.cssSelector(".alt-text")).getText().equals(words))
                .flatMap(li -> li.findElements(By.cssSelector("button")).stream())
                .filter(b -> b.getText().strip().equals(label)).findFirst().orElse(null));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    static JsonNode read(String user, String path) {
        return new Client(plenary.queryPort(), user).get("/api" + path).json();
    }

    static Client.Response command(String user, String rest, Object body) {
        Client client = new Client(plenary.commandPort(), user);
        return body == null ? client.post("/api/drafts/" + draft + rest) : client.postJson("/api/drafts/" + draft + rest, body);
    }

    /** The paragraph's id once the query side has it (it follows the command side by a few milliseconds). */
    static String paragraphId(String user, String label) {
        for (int i = 0; i < 100; i++) {
            JsonNode doc = read(user, room);
            for (JsonNode p : doc.get("paragraphs")) {
                if (label.equals(p.path("label").asText())) {
                    return p.get("paragraphId").asText();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no paragraph " + label + " in draft " + draft);
    }

    static String paragraphId(JsonNode doc, String label) {
        for (JsonNode p : doc.get("paragraphs")) {
            if (label.equals(p.path("label").asText())) {
                return p.get("paragraphId").asText();
            }
        }
        throw new AssertionError("no paragraph " + label + " in draft " + doc.path("draftId").asText());
    }
}
