package plenary.command.drafting;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import plenary.drafting.draft.ImportDraft;
import plenary.drafting.draft.ReviseDraftFromText;
import plenary.identity.Actor;
import plenary.text.IdAllocator;
import plenary.text.markdown.MarkdownImporter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Texts in: a new draft from a text, and a chair's new text of an existing draft. The body is read as bytes so
 * that a body that is not UTF-8 is refused rather than silently decoded. Each answer lists {@code warnings}:
 * what the text has that was kept as written rather than understood, with its line and column.
 */
@RestController
@RequestMapping("/api/drafts")
class TextImportController {

    private static final String MARKDOWN = "text/markdown";

    private final CommandSender commands;

    TextImportController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/import", consumes = MARKDOWN)
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> importText(@RequestBody(required = false) byte[] body, Actor actor) {
        String text = TextInput.check(body);
        String draftId = UUID.randomUUID().toString();
        commands.dispatch(new ImportDraft(draftId, text, actor), IfMatch.ABSENT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("draftId", draftId);
        answer.put("version", 1);
        answer.put("warnings", warnings(text, actor));
        return answer;
    }

    @PostMapping(path = "/{draftId}/import", consumes = MARKDOWN)
    Map<String, Object> reviseFromText(@PathVariable String draftId, @RequestBody(required = false) byte[] body, Actor actor,
                                       IfMatch ifMatch) {
        String text = TextInput.check(body);
        Receipt receipt = commands.send(new ReviseDraftFromText(draftId, text, actor), ifMatch);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", receipt.version());
        answer.put("warnings", warnings(text, actor));
        return answer;
    }

    /** Read again for its warnings only: the aggregate's reading is the one recorded. */
    private static List<MarkdownImporter.Warning> warnings(String text, Actor actor) {
        return MarkdownImporter.read(text, new IdAllocator(0), actor.attribution()).warnings();
    }
}
