package plenary.command.drafting;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import plenary.command.input.Limits;
import plenary.drafting.DraftCommand;
import plenary.drafting.DraftEvent;
import plenary.drafting.ParagraphStatus;
import plenary.drafting.Participation;
import plenary.drafting.WholeText;
import plenary.drafting.Wording;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.AlternativeAccepted;
import plenary.drafting.brackets.AlternativeObjected;
import plenary.drafting.brackets.AlternativeProposed;
import plenary.drafting.brackets.AlternativeSupported;
import plenary.drafting.brackets.AlternativeWithdrawn;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.BracketWithdrawn;
import plenary.drafting.brackets.BridgingTextProposed;
import plenary.drafting.brackets.DeletionProposed;
import plenary.drafting.brackets.ObjectToAlternative;
import plenary.drafting.brackets.OptionsOpened;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.brackets.ProposeBridgingText;
import plenary.drafting.brackets.ProposeDeletion;
import plenary.drafting.brackets.ProposeOption;
import plenary.drafting.brackets.SupportAlternative;
import plenary.drafting.brackets.TextBracketed;
import plenary.drafting.brackets.WithdrawAlternative;
import plenary.drafting.brackets.WithdrawBracket;
import plenary.drafting.draft.CreateDraft;
import plenary.drafting.draft.DraftCreated;
import plenary.drafting.draft.DraftImported;
import plenary.drafting.draft.DraftKind;
import plenary.drafting.draft.ImportDraft;
import plenary.drafting.draft.ReviseDraftFromText;
import plenary.drafting.footnotes.AddFootnote;
import plenary.drafting.footnotes.FootnoteAdded;
import plenary.drafting.footnotes.FootnoteRemoved;
import plenary.drafting.footnotes.RemoveFootnote;
import plenary.drafting.paragraphs.AgreeParagraph;
import plenary.drafting.paragraphs.AgreementWithdrawn;
import plenary.drafting.paragraphs.MoveParagraph;
import plenary.drafting.paragraphs.ParagraphAgreed;
import plenary.drafting.paragraphs.ParagraphMoved;
import plenary.drafting.paragraphs.ParagraphProposed;
import plenary.drafting.paragraphs.ParagraphStatusSet;
import plenary.drafting.paragraphs.ParagraphsRenumbered;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.drafting.paragraphs.RenumberParagraphs;
import plenary.drafting.paragraphs.SetParagraphStatus;
import plenary.drafting.paragraphs.WithdrawAgreement;
import plenary.drafting.participants.AdmitDelegation;
import plenary.drafting.participants.ChangeParticipation;
import plenary.drafting.participants.DelegationAdmitted;
import plenary.drafting.participants.ParticipationChanged;
import plenary.drafting.procedure.BreakSilence;
import plenary.drafting.procedure.CorrigendumIssued;
import plenary.drafting.procedure.DraftFinalised;
import plenary.drafting.procedure.FinaliseDraft;
import plenary.drafting.procedure.IssueCorrigendum;
import plenary.drafting.procedure.IssueRevision;
import plenary.drafting.procedure.RevisionIssued;
import plenary.drafting.procedure.SilenceBroken;
import plenary.drafting.procedure.SilenceProcedureConcluded;
import plenary.drafting.procedure.SilenceProcedureStarted;
import plenary.drafting.procedure.SilenceSubject;
import plenary.drafting.procedure.StartSilenceProcedure;
import plenary.text.Document;
import plenary.text.EventText;
import plenary.text.Fold;
import plenary.text.IdAllocator;
import plenary.text.Inline;
import plenary.text.Numbering;
import plenary.text.Paragraph;
import plenary.text.Participant;
import plenary.text.markdown.InlineMarkdown;
import plenary.text.markdown.MarkdownImporter;
import plenary.text.markdown.MarkdownRenderer;
import plenary.text.revision.Differences;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A draft under negotiation. Each handler checks the rules of DOMAIN.md and then applies one event; the text
 * itself only ever changes through the shared {@link Fold}, so this aggregate and every projection agree on
 * what the draft says.
 */
@Aggregate(commandTargetResolver = "draftTargetResolver", repository = "draftRepository")
class Draft {

    @AggregateIdentifier
    private String draftId;
    private Document document;
    /** The event being applied by {@link #decide} and the document it makes, folded once. */
    private transient DraftEvent deciding;
    private transient Document decided;

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
    Draft(ImportDraft command, Limits limits) {
        Permissions.check(command, null);
        require(command.markdown(), "text");
        Document text = MarkdownImporter.parse(command.markdown(), new IdAllocator(1), command.actor().attribution());
        if (text.paragraphs().isEmpty()) {
            throw new Refusal.Invalid("the text has no paragraphs: nothing to negotiate");
        }
        decide(limits, new DraftImported(command.draftId(), EventText.whole(text), command.actor()));
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
                command.participation(), command.observer(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(ProposeParagraph command, Limits limits) {
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
        decide(limits, new ParagraphProposed(draftId, paragraphId, command.section(), command.after(),
                Numbering.forNewParagraph(document, command.section(), command.after()), EventText.wording(content),
                command.actor()));
        return Receipt.of(document.version(), paragraphId);
    }

    @CommandHandler
    Receipt handle(BracketText command, Limits limits) {
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
        List<Wording.Alternative> alternatives = new ArrayList<>();
        for (String text : command.alternatives()) {
            String alternativeId = ids.next("a");
            alternatives.add(EventText.wording(new Inline.Alternative(alternativeId, command.actor().attribution(),
                    text == null ? List.of() : parser.parse(text))));
        }
        decide(limits, new TextBracketed(draftId, paragraph.id(), bracketId, command.quote(), occurrence, originalId,
                alternatives, command.reason(), command.actor()));
        return Receipt.of(document.version(), bracketId);
    }

    @CommandHandler
    Receipt handle(ProposeAlternative command, Limits limits) {
        mayAct(command);
        bracket(command.bracketId());
        if (command.text() == null) {
            throw new Refusal.Invalid("text is required; an empty text proposes deletion");
        }
        IdAllocator ids = ids();
        String alternativeId = ids.next("a");
        List<Inline> content = new InlineMarkdown(ids, command.actor().attribution()).parse(command.text());
        decide(limits, new AlternativeProposed(draftId, command.bracketId(), alternativeId,
                EventText.wording(content), command.actor()));
        return Receipt.of(document.version(), alternativeId);
    }

    @CommandHandler
    Receipt handle(AcceptAlternative command) {
        mayAct(command);
        Inline.Bracket bracket = bracket(command.bracketId());
        require(command.alternativeId(), "alternativeId");
        alternative(bracket, command.alternativeId());
        apply(new AlternativeAccepted(draftId, bracket.id(), command.alternativeId(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(FinaliseDraft command) {
        mayAct(command);
        List<Map<String, Object>> open = openBrackets(document);
        if (!open.isEmpty()) {
            throw conflict(open.size() + " disputed bracket(s) remain open; accept or withdraw them first",
                    Map.of("openBrackets", open));
        }
        String hash = MarkdownRenderer.contentHash(Fold.asFinal(document));
        apply(new DraftFinalised(draftId, hash, command.actor()));
        return new Receipt(document.version(), null, hash);
    }

    // --- positions and withdrawals ---

    @CommandHandler
    Receipt handle(SupportAlternative command) {
        mayAct(command);
        alternative(bracket(command.bracketId()), command.alternativeId());
        apply(new AlternativeSupported(draftId, command.bracketId(), command.alternativeId(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(ObjectToAlternative command) {
        mayAct(command);
        alternative(bracket(command.bracketId()), command.alternativeId());
        apply(new AlternativeObjected(draftId, command.bracketId(), command.alternativeId(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(WithdrawAlternative command) {
        mayAct(command);
        Inline.Bracket bracket = bracket(command.bracketId());
        Inline.Alternative alternative = alternative(bracket, command.alternativeId());
        String me = command.actor().attribution();
        if (!me.equals(alternative.proposedBy()) || alternative == bracket.alternatives().get(0)) {
            throw new Refusal.Forbidden("only the delegation that proposed an alternative may withdraw it");
        }
        List<String> others = Holders.ofAlternative(alternative, me);
        if (!others.isEmpty()) {
            throw conflict("others hold this alternative: " + others, Map.of("heldBy", others));
        }
        apply(new AlternativeWithdrawn(draftId, bracket.id(), alternative.id(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(WithdrawBracket command) {
        mayAct(command);
        Inline.Bracket bracket = bracket(command.bracketId());
        String me = command.actor().attribution();
        if (!me.equals(bracket.raisedBy())) {
            throw new Refusal.Forbidden("only " + bracket.raisedBy() + ", who raised this bracket, may withdraw it");
        }
        List<String> others = Holders.ofBracket(bracket, me);
        if (!others.isEmpty()) {
            throw conflict("others hold this bracket: " + others, Map.of("heldBy", others));
        }
        apply(new BracketWithdrawn(draftId, bracket.id(), command.actor()));
        return Receipt.of(document.version());
    }

    // --- options, bridging text, deletion, moving, numbering ---

    @CommandHandler
    Receipt handle(ProposeOption command, Limits limits) {
        mayAct(command);
        Paragraph paragraph = paragraph(command.paragraphId());
        if (command.text() == null) {
            throw new Refusal.Invalid("text is required; an empty text is the option \"No text\"");
        }
        IdAllocator ids = ids();
        Inline.Bracket options = Options.of(paragraph);
        String bracketId = options != null ? options.id() : ids.next("b");
        String originalId = options != null ? null : ids.next("a");
        String optionId = ids.next("a");
        List<Inline> content = new InlineMarkdown(ids, command.actor().attribution()).parse(command.text());
        if (options != null) {
            decide(limits, new AlternativeProposed(draftId, bracketId, optionId, EventText.wording(content),
                    command.actor()));
        } else {
            decide(limits, new OptionsOpened(draftId, paragraph.id(), bracketId, originalId,
                    EventText.wording(new Inline.Alternative(optionId, command.actor().attribution(), content)),
                    command.actor()));
        }
        return Receipt.of(document.version(), optionId);
    }

    @CommandHandler
    Receipt handle(ProposeBridgingText command, Limits limits) {
        mayAct(command);
        Inline.Bracket bracket = bracket(command.bracketId());
        if (command.replaces() == null || command.replaces().stream().distinct().count() < 2) {
            throw new Refusal.Invalid("bridging text replaces two or more alternatives; name them in replaces");
        }
        command.replaces().forEach(id -> alternative(bracket, id));
        require(command.text(), "text");
        IdAllocator ids = ids();
        String alternativeId = ids.next("a");
        List<Inline> content = new InlineMarkdown(ids, command.actor().attribution()).parse(command.text());
        decide(limits, new BridgingTextProposed(draftId, bracket.id(), List.copyOf(command.replaces()),
                EventText.wording(new Inline.Alternative(alternativeId, command.actor().attribution(), content)),
                command.actor()));
        return Receipt.of(document.version(), alternativeId);
    }

    @CommandHandler
    Receipt handle(ProposeDeletion command, Limits limits) {
        mayAct(command);
        Paragraph paragraph = paragraph(command.paragraphId());
        if (Options.deletionProposed(paragraph)) {
            throw conflict("deleting this paragraph is already proposed", Map.of());
        }
        IdAllocator ids = ids();
        String bracketId = ids.next("b");
        decide(limits, new DeletionProposed(draftId, paragraph.id(), bracketId, ids.next("a"), ids.next("a"),
                command.actor()));
        return Receipt.of(document.version(), bracketId);
    }

    @CommandHandler
    Receipt handle(MoveParagraph command) {
        mayAct(command);
        Paragraph paragraph = paragraph(command.paragraphId());
        if (command.after() != null) {
            Paragraph after = paragraph(command.after());
            if (after.section() != paragraph.section() || after.id().equals(paragraph.id())) {
                throw new Refusal.Invalid("a paragraph moves after another paragraph of its own section");
            }
        }
        apply(new ParagraphMoved(draftId, paragraph.id(), command.after(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(RenumberParagraphs command) {
        mayAct(command);
        apply(new ParagraphsRenumbered(draftId, Numbering.renumbered(document), command.actor()));
        return Receipt.of(document.version());
    }

    // --- paragraph status and agreement ---

    @CommandHandler
    Receipt handle(SetParagraphStatus command) {
        mayAct(command);
        Paragraph paragraph = paragraph(command.paragraphId());
        if (command.status() == null || command.status() == ParagraphStatus.AGREED_AD_REFERENDUM) {
            throw new Refusal.Invalid("status is one of PENDING, FIRST_READING, SECOND_READING, AGREED, REOPENED; "
                    + "ad referendum agreement is each delegation's own");
        }
        apply(new ParagraphStatusSet(draftId, paragraph.id(), command.status(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(AgreeParagraph command) {
        mayAct(command);
        apply(new ParagraphAgreed(draftId, paragraph(command.paragraphId()).id(), command.adReferendum(),
                command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(WithdrawAgreement command) {
        mayAct(command);
        Paragraph paragraph = paragraph(command.paragraphId());
        if (paragraph.agreements().stream().noneMatch(a -> a.delegation().equals(command.actor().delegation()))) {
            throw conflict(command.actor().attribution() + " has not agreed this paragraph", Map.of());
        }
        apply(new AgreementWithdrawn(draftId, paragraph.id(), command.actor()));
        return Receipt.of(document.version());
    }

    // --- participants and footnotes ---

    @CommandHandler
    Receipt handle(ChangeParticipation command) {
        mayAct(command);
        require(command.code(), "code");
        if (command.participation() == null) {
            throw new Refusal.Invalid("participation must be CONFIRMED or PENDING");
        }
        Participant participant = document.participantByCode(command.code())
                .orElseThrow(() -> new Refusal.NotFound("no delegation " + command.code() + " in this draft"));
        if (command.actor().delegation() != null && !command.actor().delegation().equalsIgnoreCase(command.code())) {
            throw new Refusal.Forbidden("a delegation speaks only for its own participation");
        }
        apply(new ParticipationChanged(draftId, participant.id(), command.participation(), command.actor()));
        return Receipt.of(document.version());
    }

    @CommandHandler
    Receipt handle(AddFootnote command, Limits limits) {
        mayAct(command);
        Paragraph paragraph = paragraph(command.paragraphId());
        require(command.text(), "text");
        if (command.quote() != null) {
            Quoting.check(document, paragraph, command.quote(), 1);
        }
        String label = Footnotes.nextLabel(document);
        List<Inline> content = new InlineMarkdown(ids(), command.actor().attribution()).parse(command.text());
        decide(limits, new FootnoteAdded(draftId, label, paragraph.id(), command.quote(), EventText.wording(content),
                command.actor()));
        return Receipt.of(document.version(), label);
    }

    @CommandHandler
    Receipt handle(RemoveFootnote command) {
        mayAct(command);
        if (document.footnotes().stream().noneMatch(f -> f.label().equals(command.label()))) {
            throw new Refusal.NotFound("the draft has no footnote " + command.label());
        }
        apply(new FootnoteRemoved(draftId, command.label(), command.actor()));
        return Receipt.of(document.version());
    }

    // --- revisions, silence procedure, corrigendum ---

    @CommandHandler
    Receipt handle(IssueRevision command) {
        mayAct(command);
        String label = command.label() == null || command.label().isBlank()
                ? "Rev." + (Labels.highest(document, "Rev.") + 1)
                : command.label().strip();
        if (label.contains("/") || label.length() > 40) {
            throw new Refusal.Invalid("a revision label is a short suffix such as Rev.2");
        }
        if (document.revision(label).isPresent()) {
            throw conflict(label + " was already issued; revisions are immutable", Map.of());
        }
        apply(new RevisionIssued(draftId, label, command.actor()));
        return Receipt.of(document.version(), label);
    }

    @CommandHandler
    Receipt handle(StartSilenceProcedure command, DeadlineManager deadlines) {
        mayAct(command);
        if (command.deadline() == null || !command.deadline().isAfter(java.time.Instant.now())) {
            throw new Refusal.Invalid("the deadline must be an exact instant in the future");
        }
        SilenceSubject subject = command.subject() != null ? command.subject()
                : document.participants().stream().anyMatch(p -> p.participation() == Participation.PENDING)
                ? SilenceSubject.PARTICIPATION : SilenceSubject.TEXT;
        if (subject == SilenceSubject.PARTICIPATION
                && document.participants().stream().noneMatch(p -> p.participation() == Participation.PENDING)) {
            throw conflict("no participation is pending: there is nothing to confirm under silence", Map.of());
        }
        String procedureId = ids().next("s");
        apply(new SilenceProcedureStarted(draftId, procedureId, command.deadline(), subject, command.actor()));
        deadlines.schedule(command.deadline(), SilenceDeadline.NAME,
                new SilenceDeadline(procedureId, command.actor(), draftId));
        return Receipt.of(document.version(), procedureId);
    }

    @CommandHandler
    Receipt handle(BreakSilence command, DeadlineManager deadlines) {
        Permissions.check(command, document);
        if (!document.silenceRunning()) {
            throw conflict("no silence procedure is running", Map.of());
        }
        require(command.reason(), "reason");
        apply(new SilenceBroken(draftId, document.silenceProcedure().id(), command.reason().strip(), command.actor()));
        deadlines.cancelAllWithinScope(SilenceDeadline.NAME);
        return Receipt.of(document.version());
    }

    /** Nobody broke silence by the deadline: the subject is adopted, on behalf of whoever started it. */
    @DeadlineHandler(deadlineName = SilenceDeadline.NAME)
    void on(SilenceDeadline deadline) {
        if (document.silenceRunning() && document.silenceProcedure().id().equals(deadline.procedureId())) {
            apply(new SilenceProcedureConcluded(draftId, deadline.procedureId(), document.silenceProcedure().subject(),
                    deadline.startedBy()));
        }
    }

    @CommandHandler
    Receipt handle(IssueCorrigendum command, Limits limits) {
        Permissions.check(command, document);
        if (!document.finalised()) {
            throw conflict("only a final text takes a corrigendum; until then, amend the draft", Map.of());
        }
        require(command.markdown(), "text");
        long number = Labels.highest(document, "Corr.") + 1;
        Document corrected = Corrigenda.corrected(document,
                MarkdownImporter.parse(command.markdown(), ids(), command.actor().attribution()));
        List<Map<String, Object>> open = openBrackets(corrected);
        if (!open.isEmpty()) {
            throw conflict("a corrected final text has no disputed brackets", Map.of("openBrackets", open));
        }
        String label = "Corr." + number;
        WholeText text = EventText.whole(corrected);
        // the hash is that of the corrected text exactly as the fold will leave it
        String hash = MarkdownRenderer.contentHash(
                Fold.apply(document, new CorrigendumIssued(draftId, label, text, null, command.actor())));
        decide(limits, new CorrigendumIssued(draftId, label, text, hash, command.actor()));
        return new Receipt(document.version(), label, hash);
    }

    /** A chair's new text: its differences from the draft are recorded, in the chair's name, as one revision. */
    @CommandHandler
    Receipt handle(ReviseDraftFromText command, Limits limits) {
        mayAct(command);
        require(command.markdown(), "text");
        Document text = MarkdownImporter.parse(command.markdown(), ids(), command.actor().attribution());
        if (text.paragraphs().isEmpty()) {
            throw new Refusal.Invalid("the text has no paragraphs: nothing to negotiate");
        }
        Differences.between(document, text, command.actor()).ifPresent(revision -> decide(limits, revision));
        return Receipt.of(document.version());
    }

    @EventSourcingHandler
    void on(DraftEvent event) {
        draftId = event.draftId();
        document = event == deciding ? decided : Fold.apply(document, event);
        deciding = null;
        decided = null;
    }

    /**
     * Applies an event that changes the text once the text it makes is within the limits ({@link TextLimits}). The
     * folded document is kept for {@link #on}, so that the event is still folded once; replaying the record never
     * checks, so a draft recorded under older limits always loads.
     */
    private void decide(Limits limits, DraftEvent event) {
        Document next = Fold.apply(document, event);
        TextLimits.check(document, next, limits);
        deciding = event;
        decided = next;
        apply(event);
    }

    /**
     * The rules every command on an existing draft obeys: the right role, an admitted delegation, not final, and
     * not frozen under a running silence procedure.
     */
    private void mayAct(DraftCommand command) {
        Permissions.check(command, document);
        if (document.finalised()) {
            throw conflict("the draft is final; only a corrigendum can change it now", Map.of());
        }
        if (document.silenceRunning()) {
            throw conflict("the text is under a silence procedure until " + document.silenceProcedure().deadline()
                    + "; it can only be broken", Map.of("silenceProcedure", document.silenceProcedure()));
        }
    }

    /** What blocks a final text: each open bracket with its paragraph and its words. */
    private static List<Map<String, Object>> openBrackets(Document text) {
        return text.openBrackets().stream()
                .map(at -> Map.<String, Object>of(
                        "bracketId", at.bracket().id(),
                        "paragraphId", at.paragraph().id(),
                        "text", MarkdownRenderer.inline(text, List.of(at.bracket()))))
                .toList();
    }

    private IdAllocator ids() {
        return new IdAllocator(document.version() + 1);
    }

    private Paragraph paragraph(String paragraphId) {
        return document.paragraph(paragraphId)
                .orElseThrow(() -> new Refusal.NotFound("the draft has no paragraph " + paragraphId));
    }

    private static Inline.Alternative alternative(Inline.Bracket bracket, String alternativeId) {
        return bracket.alternative(alternativeId).orElseThrow(() ->
                new Refusal.NotFound("bracket " + bracket.id() + " has no alternative " + alternativeId));
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
