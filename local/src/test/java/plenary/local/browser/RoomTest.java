package plenary.local.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import plenary.devdb.DevDatabase;
import plenary.local.DemoRoom;
import plenary.local.Plenary;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario on the demo room, with four browsers at once (kaz, tur, the chair, the secretariat), then an
 * auditor's: a bracket made with the mouse shows on another delegation's page within a second, without a reload;
 * finalising is refused while it is open and says which bracket; the chair accepts the alternative in the page; the
 * secretariat finalises; every page shows FINAL. The auditor drags the timeline back to version 1 and reads the seed
 * as imported, then opens the redline from version 1 to now.
 */
class RoomTest {

    static Plenary plenary;
    static String draft;

    @BeforeAll
    static void start() {
        plenary = Plenary.start(DevDatabase.forTests(), 0, 0);
        draft = DemoRoom.open(plenary.commandPort());
    }

    @AfterAll
    static void stop() {
        plenary.close();
    }

    @Test
    void fourDelegatesNegotiateTheSeedInTheirBrowsersAndAnAuditorReplaysIt() {
        String room = "/drafts/" + draft;
        try (Page kaz = Page.signIn(plenary.queryPort(), "kaz", room).live();
             Page tur = Page.signIn(plenary.queryPort(), "tur", room).live();
             Page chair = Page.signIn(plenary.queryPort(), "chair", room).live();
             Page secretariat = Page.signIn(plenary.queryPort(), "secretariat", room).live()) {
            tur.js("window.notReloaded = true");

            // 1. kaz selects "manage borders" with the mouse and brackets it with "secure borders"
            WebElement ppV = kaz.paragraph("PP (v)");
            kaz.selectWithMouse(ppV, "manage borders");
            kaz.press(".actions", "Bracket “manage borders”");
            assertThat(kaz.find("dialog[open] [name=quote]").getAttribute("value")).isEqualTo("manage borders");
            kaz.fill("alternatives", "secure borders");
            kaz.fill("reason", "too narrow");
            kaz.submitDialog();
            kaz.dialogClosed();
            double acknowledged = ((Number) kaz.js("return performance.timeOrigin + performance.now()")).doubleValue();

            // 2. tur's page shows it within a second, without a reload, and shows kaz in the room on PP (v)
            WebElement bracket = tur.until(d -> tur.paragraph("PP (v)").findElements(By.cssSelector(".bracket")).stream()
                    .filter(b -> b.getText().contains("[manage borders][secure borders]")).findFirst().orElse(null));
            // the demo room is version 10: the import and nine admissions
            double shown = ((Number) tur.js("""
                    const change = window.plenaryTimings.shown.find(s => s.version === 11);
                    return change ? change.at : null""")).doubleValue();
            assertThat(shown - acknowledged).as("ms from kaz's acknowledgement to tur's screen").isLessThan(1000);
            assertThat(tur.js("return window.notReloaded")).isEqualTo(true);
            String bracketId = bracket.getAttribute("data-bracket");
            tur.until(d -> tur.find("ul.room li[data-user=kaz] .where").getText().equals("PP (v)"));
            assertThat(tur.paragraph("PP (v)").findElement(By.cssSelector(".here")).getText()).contains("KAZ");
            tur.find("#opt-holders").click();
            tur.until(d -> tur.paragraph("PP (v)").getText().contains("[secure borders] (KAZ)"));
            tur.js("arguments[0].scrollIntoView({block: 'center'})", tur.paragraph("PP (iv)"));
            tur.screenshot("room-tur-sees-the-bracket");

            // 3. the secretariat tries to finalise and sees the open bracket
            secretariat.press(".actions", "Finalise");
            secretariat.submitDialog();
            WebElement blocker = secretariat.until(d -> d.findElements(
                    By.cssSelector("dialog[open] .blockers button[data-bracket='" + bracketId + "']")).stream()
                    .findFirst().orElse(null));
            assertThat(blocker.getText()).contains("PP (v)").contains("manage borders");
            blocker.click();                                  // jumps to the bracket
            secretariat.dialogClosed();
            secretariat.until(d -> d.findElements(By.cssSelector(".jumped[data-bracket='" + bracketId + "']")).size() == 1);

            // 4. the chair accepts "secure borders" in the page
            chair.paragraph("PP (v)").click();
            WebElement accept = chair.until(d -> d.findElements(By.cssSelector(
                    ".actions li[data-bracket='" + bracketId + "'] li")).stream()
                    .filter(li -> li.getText().startsWith("[secure borders]")).findFirst()
                    .map(li -> li.findElement(By.cssSelector("button[data-accept]"))).orElse(null));
            accept.click();
            chair.submitDialog();
            chair.dialogClosed();
            for (Page page : List.of(kaz, tur, chair, secretariat)) {
                page.until(d -> page.paragraph("PP (v)").getText().contains("practical cooperation to decrease "
                        + "incentives for irregular migration, secure borders, stem terrorist threats"));
            }

            // 5. the secretariat finalises
            secretariat.press(".actions", "Finalise");
            secretariat.submitDialog();
            secretariat.dialogClosed();

            // 6. every page shows FINAL
            for (Page page : List.of(kaz, tur, chair, secretariat)) {
                page.until(d -> page.find(".toolbar .draft-status").getAttribute("data-status").equals("FINAL"));
                assertThat(page.find(".toolbar .draft-status").getText()).isEqualTo("Final");
                page.until(d -> page.find(".document .statusline").getText().equals("Final"));
            }
            for (Page page : List.of(kaz, tur, chair, secretariat)) {
                page.screenshot("room-" + page.user);
            }
        }

        // the auditor drags the timeline back to version 1, reads the seed as imported, then opens the redline
        try (Page auditor = Page.signIn(plenary.queryPort(), "auditor", room + "/history")) {
            WebElement slider = auditor.until(d -> d.findElement(By.id("slider")));
            auditor.until(d -> auditor.find(".text-column").getAttribute("data-version") != null);
            long latest = Long.parseLong(slider.getAttribute("max"));
            assertThat(latest).isGreaterThan(12);
            int width = slider.getSize().getWidth();
            // from the thumb (at the right end: now) to past the left end of the track
            new Actions(auditor.driver).clickAndHold(slider).moveByOffset(width / 2 - 3, 0)
                    .moveByOffset(-width - 4, 0).release().perform();
            auditor.until(d -> "1".equals(auditor.find(".text-column").getAttribute("data-version")));
            String atOne = auditor.find(".text-column .document").getText();
            assertThat(atOne).contains("manage borders, stem terrorist threats").doesNotContain("secure borders")
                    .contains("Reaffirming the importance of regional dialogue").contains("[the Islamic Republic of Iran]");
            auditor.screenshot("auditor-timeline-version-1");

            new org.openqa.selenium.support.ui.Select(auditor.find("#redline-from")).selectByValue("1");
            new org.openqa.selenium.support.ui.Select(auditor.find("#redline-to")).selectByValue(String.valueOf(latest));
            auditor.find("#show-redline").click();
            WebElement frame = auditor.until(d -> d.findElement(By.cssSelector(".redline-area iframe.redline")));
            auditor.driver.switchTo().frame(frame);
            auditor.until(d -> d.findElements(By.tagName("ins")).stream()
                    .anyMatch(ins -> ins.getText().contains("secure")));
            assertThat(auditor.driver.findElements(By.tagName("del")).stream()
                    .anyMatch(del -> del.getText().contains("manage"))).isTrue();
            auditor.driver.switchTo().defaultContent();
            auditor.screenshot("auditor-redline");
        }
    }
}
