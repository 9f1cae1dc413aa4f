package plenary.query.drafting;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import plenary.drafting.Section;
import plenary.text.Brackets;
import plenary.text.Document;
import plenary.text.Revision;

import java.util.List;

/** The drafting queries of API.md: the drafts, a draft's document at any selector, and its events. */
@RestController
@RequestMapping("/api/drafts")
class DraftQueryController {

    private final DraftTable table;
    private final DraftDocuments documents;

    DraftQueryController(DraftTable table, DraftDocuments documents) {
        this.table = table;
        this.documents = documents;
    }

    @GetMapping
    List<DraftTable.Summary> drafts() {
        return table.summaries();
    }

    /** {@code form=lean} and {@code form=header}: see {@link LeanDraft}. */
    @GetMapping("/{draftId}")
    Object draft(@PathVariable String draftId, @RequestParam(required = false) String version,
                 @RequestParam(required = false) String at, @RequestParam(required = false) String revision,
                 @RequestParam(defaultValue = "full") String form) {
        if (!List.of("full", "lean", "header").contains(form)) {
            throw new IllegalArgumentException("form is full (the default), lean or header, not " + form);
        }
        Document doc = documents.document(draftId, Selector.of(version, at, revision));
        return form.equals("full") ? DraftView.of(doc) : LeanDraft.of(doc, form.equals("lean"));
    }

    /** The brackets of the draft, with who raised each and who proposed, supports or objects to each alternative. */
    @GetMapping("/{draftId}/brackets")
    List<OpenBracket> brackets(@PathVariable String draftId, @RequestParam(defaultValue = "open") String state,
                               @RequestParam(required = false) String version, @RequestParam(required = false) String at,
                               @RequestParam(required = false) String revision) {
        if (!state.equals("open")) {
            throw new IllegalArgumentException("state=open is the only state a bracket has until it is resolved");
        }
        Document doc = documents.document(draftId, Selector.of(version, at, revision));
        return doc.openBrackets().stream().map(open -> new OpenBracket(open.paragraph().id(),
                open.paragraph().number(), open.paragraph().section(), DraftView.bracket(doc, open.bracket()),
                Brackets.placeholder(open.bracket()))).toList();
    }

    record OpenBracket(String paragraphId, String number, Section section, DraftView.BracketView bracket,
                       boolean placeholder) {
    }

    /** The revisions issued, in order, each with the version it stands for. */
    @GetMapping("/{draftId}/revisions")
    List<Revision> revisions(@PathVariable String draftId) {
        return documents.document(draftId, Selector.CURRENT).revisions();
    }

    @GetMapping("/{draftId}/events")
    List<LiveChange> events(@PathVariable String draftId, @RequestParam(defaultValue = "0") long after) {
        if (after < 0) {
            throw new IllegalArgumentException("after is a version: 0 or more");
        }
        documents.version(draftId); // 404 for no such draft, without reading a long draft's whole document
        return table.eventsAfter(draftId, after);
    }
}
