package plenary.text;

import plenary.drafting.brackets.BridgingTextProposed;
import plenary.drafting.brackets.DeletionProposed;
import plenary.drafting.brackets.OptionsOpened;
import plenary.drafting.brackets.TextBracketed;
import plenary.text.Inline.Alternative;
import plenary.text.Inline.Bracket;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How brackets change: raised, given alternatives and positions, narrowed, bridged, accepted, withdrawn. */
final class BracketEdits {

    static Document bracket(Document doc, TextBracketed e) {
        return ParagraphEdits.edit(doc, e.paragraphId(), content -> new Quotes(new PlainText(doc.participants()))
                .wrap(content, e.quote(), e.occurrence(), words -> {
                    List<Alternative> alts = new ArrayList<>();
                    alts.add(new Alternative(e.originalAlternativeId(), null, words));
                    alts.addAll(e.alternatives().stream().map(EventText::alternative).toList());
                    return new Bracket(e.bracketId(), e.actor().attribution(), alts);
                }));
    }

    static Document propose(Document doc, String bracketId, Alternative alternative) {
        return rewrite(doc, bracketId, b -> {
            List<Alternative> alts = new ArrayList<>(b.alternatives());
            alts.add(alternative);
            return List.of(b.withAlternatives(alts));
        });
    }

    /** The accepted text replaces the bracket; a paragraph left with no text at all is deleted. */
    static Document accept(Document doc, String bracketId, String alternativeId) {
        Paragraph at = doc.locateBracket(bracketId).orElseThrow(() -> missing(bracketId)).paragraph();
        Document accepted = rewrite(doc, bracketId, b -> b.alternative(alternativeId)
                .orElseThrow(() -> new IllegalStateException("no alternative " + alternativeId)).content());
        Paragraph after = accepted.paragraph(at.id()).orElseThrow();
        if (new PlainText(doc.participants()).of(after.content()).isBlank() && after.content().stream()
                .noneMatch(n -> n instanceof Inline.FootnoteRef)) {
            return ParagraphEdits.remove(accepted, at.id());
        }
        return accepted;
    }

    /** A delegation holds one position on an alternative: supporting it withdraws an objection, and back. */
    static Document position(Document doc, String bracketId, String alternativeId, String holder, boolean support) {
        return rewrite(doc, bracketId, b -> List.of(b.withAlternatives(b.alternatives().stream().map(a -> {
            if (!a.id().equals(alternativeId)) {
                return a;
            }
            List<String> supporters = new ArrayList<>(a.supporters());
            List<String> objectors = new ArrayList<>(a.objectors());
            supporters.remove(holder);
            objectors.remove(holder);
            (support ? supporters : objectors).add(holder);
            return a.withPositions(supporters, objectors);
        }).toList())));
    }

    static Document withdrawAlternative(Document doc, String bracketId, String alternativeId) {
        return rewrite(doc, bracketId, b -> List.of(b.withAlternatives(
                b.alternatives().stream().filter(a -> !a.id().equals(alternativeId)).toList())));
    }

    /** Lifting a bracket puts back the words as they stood. */
    static Document withdraw(Document doc, String bracketId) {
        return rewrite(doc, bracketId, b -> b.alternatives().get(0).content());
    }

    static Document openOptions(Document doc, OptionsOpened e) {
        return ParagraphEdits.edit(doc, e.paragraphId(), content -> List.of(new Bracket(e.bracketId(),
                e.actor().attribution(), List.of(new Alternative(e.originalAlternativeId(), null, content), EventText.alternative(e.option())),
                Bracket.Kind.OPTIONS)));
    }

    /** The bridging text takes the place of the first alternative it replaces. */
    static Document bridge(Document doc, BridgingTextProposed e) {
        return rewrite(doc, e.bracketId(), b -> {
            List<Alternative> alts = new ArrayList<>();
            boolean placed = false;
            for (Alternative a : b.alternatives()) {
                if (!e.replaces().contains(a.id())) {
                    alts.add(a);
                } else if (!placed) {
                    alts.add(EventText.alternative(e.bridging()));
                    placed = true;
                }
            }
            return List.of(b.withAlternatives(alts));
        });
    }

    static Document proposeDeletion(Document doc, DeletionProposed e) {
        return ParagraphEdits.edit(doc, e.paragraphId(), content -> List.of(new Bracket(e.bracketId(),
                e.actor().attribution(), List.of(new Alternative(e.originalAlternativeId(), null, content),
                new Alternative(e.deletionAlternativeId(), e.actor().attribution(), List.of())))));
    }

    private static Document rewrite(Document doc, String bracketId, Function<Bracket, List<Inline>> replacement) {
        Document.Located at = doc.locateBracket(bracketId).orElseThrow(() -> missing(bracketId));
        return ParagraphEdits.edit(doc, at.paragraph().id(),
                content -> Brackets.rewrite(content, bracketId, replacement));
    }

    private static IllegalStateException missing(String bracketId) {
        return new IllegalStateException("no bracket " + bracketId);
    }

    private BracketEdits() {
    }
}
