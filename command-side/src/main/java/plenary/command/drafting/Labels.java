package plenary.command.drafting;

import plenary.text.Document;

/** Revision and corrigendum labels number on from the highest issued: after Rev.2, Rev.3. */
final class Labels {

    static long highest(Document document, String prefix) {
        return document.revisions().stream().map(r -> r.label())
                .filter(l -> l.startsWith(prefix) && l.substring(prefix.length()).matches("\\d+"))
                .mapToLong(l -> Long.parseLong(l.substring(prefix.length()))).max().orElse(0);
    }

    private Labels() {
    }
}
