package plenary.query.history;

import plenary.drafting.DraftEvent;
import plenary.drafting.Section;
import plenary.text.Document;
import plenary.text.Paragraph;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which paragraphs an event changed, and how negotiators name a paragraph: "PP (v)", "OP 3bis". */
final class Touched {

    /** The ids of the paragraphs that differ between two documents, added and removed ones included. */
    static Set<String> paragraphs(Document before, Document after) {
        Map<String, Paragraph> was = new HashMap<>();
        if (before != null) {
            before.paragraphs().forEach(p -> was.put(p.id(), p));
        }
        Set<String> changed = new LinkedHashSet<>();
        for (Paragraph p : after.paragraphs()) {
            Paragraph old = was.remove(p.id());
            if (old != p && !p.equals(old)) {
                changed.add(p.id());
            }
        }
        changed.addAll(was.keySet());
        return changed;
    }

    /**
     * The paragraph an event is about: the one it names, or else the only one it changed. Reading the name off
     * the event's {@code paragraphId} keeps this true for kinds of event added later.
     */
    static String paragraph(DraftEvent event, Document before, Document after) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("paragraphId")) {
                try {
                    Object id = component.getAccessor().invoke(event);
                    if (id != null) {
                        return id.toString();
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the paragraph of " + event, e);
                }
            }
        }
        Set<String> changed = paragraphs(before, after);
        return changed.size() == 1 ? changed.iterator().next() : null;
    }

    /** "PP (v)", "OP 1", "OP 3bis"; an unnumbered paragraph by its place in its section, "PP 2". */
    static String label(String paragraphId, Document... documents) {
        for (Document doc : documents) {
            if (doc == null) {
                continue;
            }
            for (Paragraph p : doc.paragraphs()) {
                if (p.id().equals(paragraphId)) {
                    return label(doc, p);
                }
            }
        }
        return null;
    }

    static String label(Document doc, Paragraph p) {
        String section = p.section() == Section.PREAMBLE ? "PP" : "OP";
        if (p.number() != null) {
            return p.section() == Section.PREAMBLE ? section + " (" + p.number() + ")" : section + " " + p.number();
        }
        List<String> ids = new ArrayList<>();
        doc.section(p.section()).forEach(q -> ids.add(q.id()));
        return section + " " + (ids.indexOf(p.id()) + 1);
    }

    private Touched() {
    }
}
