package plenary.command.drafting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import plenary.drafting.AcceptAlternative;
import plenary.drafting.AdmitDelegation;
import plenary.drafting.AlternativeAccepted;
import plenary.drafting.AlternativeProposed;
import plenary.drafting.BracketText;
import plenary.drafting.CreateDraft;
import plenary.drafting.DelegationAdmitted;
import plenary.drafting.DraftCommand;
import plenary.drafting.DraftCreated;
import plenary.drafting.DraftEvent;
import plenary.drafting.DraftFinalised;
import plenary.drafting.DraftImported;
import plenary.drafting.DraftKind;
import plenary.drafting.FinaliseDraft;
import plenary.drafting.ImportDraft;
import plenary.drafting.ParagraphProposed;
import plenary.drafting.ProposeAlternative;
import plenary.drafting.ProposeParagraph;
import plenary.drafting.ReviseDraftFromText;
import plenary.drafting.TextBracketed;
import plenary.text.Document;
import plenary.text.Fold;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Numbering;
import plenary.text.Paragraph;
import plenary.text.Participant;
import plenary.text.TextRevision;
import plenary.text.markdown.InlineMarkdown;
import plenary.text.markdown.MarkdownImporter;
import plenary.text.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A draft under negotiation. Each handler checks the rules of DOMAIN.md and then applies one event; the text
 * itself only ever changes through the shared {@link Fold}, so this aggregate and every projection agree on
 * what the draft says.
 */
@Aggregate(commandTargetResolver = "draftTargetResolver", cache = "draftCache")
class Draft {

    @AggregateIdentifier
    private String draftId;
    private Document document;

    protected Draft() {
        // for Axon, which rebuilds a draft from its events
    }

    @CommandHandler
    Draft(CreateDraft command) {
        Permissions.check(command, null);
        require(command.reference(), "reference");
        require(command.title(), "title");
        require(command.kind(), "kind");
        String kind;
        try {
            kind = DraftKind.parse(command.kind()).label();
        } catch (IllegalArgumentException e) {
            throw new Refusal.Invalid(e.getMessage());
        }
        apply(new DraftCreated(command.draftId(), command.reference().strip(), command.title().strip(), kind,
                command.date(), command.venue(), command.actor()));
    }

    @CommandHandler
    Draft(ImportDraft command) {
        Permissions.check(command, null);
        require(command.markdown(), "text");
        Document text = MarkdownImporter.parse(command.markdown(), new IdAllocator(1), command.actor().attribution());
        if (text.paragraphs().isEmpty()) {
            throw new Refusal.Invalid("the text has no paragraphs: nothing to negotiate");
        }
        apply(new DraftImported(command.draftId(), text, command.actor()));
    }

    @CommandHandler
    Receipt handle(AdmitDelegation command) {
        mayAct(command);
        require(command.code(), "code");
        require(command.name(), "name");
        if (!command.code().matches("[A-Za-z]{3}")) {
            throw new Refusal.Invalid("a delegation's code is its ISO 3166-1 alpha-3 code, e.g. KAZ");
        }
        if (command.participation() == null) {
            throw new Refusal.Invalid("participation must be CONFIRMED or PENDING");
        }
        if (document.participantByCode(command.code()).isPresent()) {
            throw conflict("delegation " + command.code().toUpperCase() + " is already admitted", Map.of());
        }
        String participantId = document.participants().stream()
                .filter(p -> p.code() == null && p.name().equalsIgnoreCase(command.name().strip()))
                .map(Participant::id).findFirst()
                .orElseGet(() -> ids().next("t"));
        apply(new DelegationAdmitted(draftId, participantId, command.code().toLowerCase(), command.name().strip(),
                command.participation(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(ProposeParagraph command) {
        mayAct(command);
        if (command.section() == null) {
            throw new Refusal.Invalid("section must be PREAMBLE or OPERATIVE");
        }
        require(command.text(), "text");
        if (command.after() != null) {
            Paragraph after = paragraph(command.after());
            if (after.section() != command.section()) {
                throw new Refusal.Invalid("paragraph " + after.id() + " is in the " + after.section()
                        + ", not the " + command.section());
            }
        }
        IdAllocator ids = ids();
        String paragraphId = ids.next("p");
        List<Inline> content = new InlineMarkdown(ids, command.actor().attribution()).parse(command.text());
        apply(new ParagraphProposed(draftId, paragraphId, command.section(), command.after(),
                Numbering.forNewParagraph(document, command.section(), command.after()), content, command.actor()));
        return Receipt.of(document.version(), paragraphId);
    }

    @CommandHandler
    Receipt handle(BracketText command) {
        mayAct(command);
        Paragraph paragraph = paragraph(command.paragraphId());
        require(command.quote(), "quote");
        int occurrence = command.occurrence() == 0 ? 1 : command.occurrence();
        if (occurrence < 0) {
            throw new Refusal.Invalid("occurrence counts from 1");
        }
        Quoting.check(document, paragraph, command.quote(), occurrence);
        IdAllocator ids = ids();
        String bracketId = ids.next("b");
        String originalId = ids.next("a");
        InlineMarkdown parser = new InlineMarkdown(ids, command.actor().attribution());
        List<Inline.Alternative> alternatives = new ArrayList<>();
        for (String text : command.alternatives()) {
            String alternativeId = ids.next("a");
            alternatives.add(new Inline.Alternative(alternativeId, command.actor().attribution(),
                    text == null ? List.of() : parser.parse(text)));
        }
        apply(new TextBracketed(draftId, paragraph.id(), bracketId, command.quote(), occurrence, originalId,
                alternatives, command.reason(), command.actor()));
        return Receipt.of(document.version(), bracketId);
    }

    @CommandHandler
    Receipt handle(ProposeAlternative command) {
        mayAct(command);
        bracket(command.bracketId());
        if (command.text() == null) {
            throw new Refusal.Invalid("text is required; an empty text proposes deletion");
        }
        IdAllocator ids = ids();
        String alternativeId = ids.next("a");
        List<Inline> content = new InlineMarkdown(ids, command.actor().attribution()).parse(command.text());
        apply(new AlternativeProposed(draftId, command.bracketId(), alternativeId, content, command.actor()));
        return Receipt.of(document.version(), alternativeId);
    }

    @CommandHandler
    Receipt handle(AcceptAlternative command) {
        mayAct(command);
        Inline.Bracket bracket = bracket(command.bracketId());
        require(command.alternativeId(), "alternativeId");
        if (bracket.alternatives().stream().noneMatch(a -> a.id().equals(command.alternativeId()))) {
            throw new Refusal.NotFound("bracket " + bracket.id() + " has no alternative " + command.alternativeId());
        }
        apply(new AlternativeAccepted(draftId, bracket.id(), command.alternativeId(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(FinaliseDraft command) {
        mayAct(command);
        List<Map<String, Object>> open = document.openBrackets().stream()
                .map(at -> Map.<String, Object>of(
                        "bracketId", at.bracket().id(),
                        "paragraphId", at.paragraph().id(),
                        "text", MarkdownRenderer.inline(document, List.of(at.bracket()))))
                .toList();
        if (!open.isEmpty()) {
            throw conflict(open.size() + " disputed bracket(s) remain open; accept or withdraw them first",
                    Map.of("openBrackets", open));
        }
        String hash = MarkdownRenderer.contentHash(Fold.asFinal(document));
        apply(new DraftFinalised(draftId, hash, command.actor()));
        return new Receipt(document.version(), null, hash);
    }

    /** A chair's new text: its differences from the draft are recorded, in the chair's name, as one revision. */
    @CommandHandler
    Receipt handle(ReviseDraftFromText command) {
        mayAct(command);
        require(command.markdown(), "text");
        Document text = MarkdownImporter.parse(command.markdown(), ids(), command.actor().attribution());
        if (text.paragraphs().isEmpty()) {
            throw new Refusal.Invalid("the text has no paragraphs: nothing to negotiate");
        }
        TextRevision.between(document, text, command.actor()).ifPresent(revision -> apply(revision));
        return Receipt.of(document.version());
    }

    @EventSourcingHandler
    void on(DraftEvent event) {
        draftId = event.draftId();
        document = Fold.apply(document, event);
    }

    /** The rules every command on an existing draft obeys: the right role, an admitted delegation, not final. */
    private void mayAct(DraftCommand command) {
        Permissions.check(command, document);
        if (document.finalised()) {
            throw conflict("the draft is final; only a corrigendum can change it now", Map.of());
        }
    }

    private IdAllocator ids() {
        return new IdAllocator(document.version() + 1);
    }

    private Paragraph paragraph(String paragraphId) {
        return document.paragraph(paragraphId)
                .orElseThrow(() -> new Refusal.NotFound("the draft has no paragraph " + paragraphId));
    }

    private Inline.Bracket bracket(String bracketId) {
        return document.locateBracket(bracketId).map(Document.Located::bracket)
                .orElseThrow(() -> new Refusal.NotFound("the draft has no open bracket " + bracketId));
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new Refusal.Invalid(field + " is required");
        }
    }

    private static Refusal.Conflict conflict(String message, Map<String, Object> details) {
        return new Refusal.Conflict(message, details);
    }
}
