package plenary.text.markdown;

import plenary.drafting.DraftStatus;
import plenary.drafting.Participation;
import plenary.drafting.Section;
import plenary.text.Document;
import plenary.text.Footnote;
import plenary.text.Inline;
import plenary.text.Options;
import plenary.text.Paragraph;
import plenary.text.Participant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Writes a document in the Markdown format of API.md: the canonical text of a draft. */
public final class MarkdownRenderer {

    private final Document doc;

    private MarkdownRenderer(Document doc) {
        this.doc = doc;
    }

    public static String render(Document doc) {
        return new MarkdownRenderer(doc).document();
    }

    /** A paragraph's inline Markdown, as API.md's {@code text} field carries it. */
    public static String inline(Document doc, List<Inline> content) {
        StringBuilder sb = new StringBuilder();
        new MarkdownRenderer(doc).inline(content, sb);
        return sb.toString();
    }

    /** SHA-256 of the canonical text, in hex: what finalising records. */
    public static String contentHash(Document doc) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(render(doc).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private String document() {
        List<String> blocks = new ArrayList<>();
        var h = doc.header();
        if (h.reference() != null) {
            blocks.add("Ref: " + h.symbol());
        }
        if (h.date() != null) {
            blocks.add("Date: " + h.date());
        }
        blocks.add(h.statusLine() != null ? h.statusLine() : statusLabel(doc.status()));
        if (h.title() != null) {
            blocks.add("**" + String.join("  \n", h.title().lines().map(MarkdownRenderer::escape).toList()) + "**");
        }
        if (h.venue() != null) {
            blocks.add("***" + escape(h.venue()) + "***");
        }
        if (h.kind() != null) {
            blocks.add("***" + escape(h.kind()) + "***");
        }
        for (Paragraph p : doc.section(Section.PREAMBLE)) {
            blocks.add(paragraph(p));
            if (p.id().equals(doc.footnotesAfter())) {
                footnotes(blocks);
            }
        }
        if (!doc.chapeau().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            inline(doc.chapeau(), sb);
            blocks.add(sb.toString());
        }
        for (Paragraph p : doc.section(Section.OPERATIVE)) {
            blocks.add(paragraph(p));
            if (p.id().equals(doc.footnotesAfter())) {
                footnotes(blocks);
            }
        }
        if (doc.footnotesAfter() == null) {
            footnotes(blocks);
        }
        return String.join("\n\n", blocks) + "\n";
    }

    private static String statusLabel(DraftStatus status) {
        return switch (status) {
            case ZERO_DRAFT -> "Zero draft";
            case UNDER_NEGOTIATION -> "Draft";
            case FINAL -> "Final";
        };
    }

    private String paragraph(Paragraph p) {
        StringBuilder sb = new StringBuilder();
        if (p.number() != null) {
            sb.append(p.section() == Section.PREAMBLE ? "(" + p.number() + ") " : p.number() + ". ");
        }
        inline(p.content(), sb);
        return sb.toString();
    }

    private void footnotes(List<String> blocks) {
        if (doc.footnotes().isEmpty()) {
            return;
        }
        blocks.add("---");
        for (Footnote f : doc.footnotes()) {
            StringBuilder sb = new StringBuilder("<sup>" + f.label() + "</sup> ");
            inline(f.content(), sb);
            blocks.add(sb.toString());
        }
    }

    private void inline(List<Inline> content, StringBuilder sb) {
        for (Inline node : content) {
            if (node instanceof Inline.Text t) {
                sb.append(escape(t.text()));
            } else if (node instanceof Inline.Emphasis e) {
                sb.append('*');
                inline(e.content(), sb);
                sb.append('*');
            } else if (node instanceof Inline.Strong s) {
                sb.append("**");
                inline(s.content(), sb);
                sb.append("**");
            } else if (node instanceof Inline.FootnoteRef f) {
                sb.append("<sup>").append(f.label()).append("</sup>");
            } else if (node instanceof Inline.LineBreak) {
                sb.append("  \n");
            } else if (node instanceof Inline.Bracket b && b.kind() == Inline.Bracket.Kind.OPTIONS) {
                options(b, sb);
            } else if (node instanceof Inline.Bracket b) {
                for (Inline.Alternative a : b.alternatives()) {
                    sb.append('[');
                    inline(a.content(), sb);
                    sb.append(']');
                }
            } else if (node instanceof Inline.ParticipantRef ref) {
                Participant p = doc.participant(ref.participantId()).orElseThrow();
                boolean pending = p.participation() == Participation.PENDING;
                sb.append(pending ? "[" : "").append(escape(p.name())).append(pending ? "]" : "");
            }
        }
    }

    /** A paragraph's options, one per line: "**Option 1:** …", and "No text" for an empty one. */
    private void options(Inline.Bracket b, StringBuilder sb) {
        for (int i = 0; i < b.alternatives().size(); i++) {
            sb.append(i == 0 ? "" : "  \n").append("**Option ").append(i + 1).append(":** ");
            List<Inline> content = b.alternatives().get(i).content();
            if (content.isEmpty()) {
                sb.append(Options.NO_TEXT);
            } else {
                inline(content, sb);
            }
        }
    }

    /** Escapes only what would otherwise read as markup. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`'
                    || (c == '<' && i + 1 < text.length() && (Character.isLetter(text.charAt(i + 1)) || text.charAt(i + 1) == '/'))) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
