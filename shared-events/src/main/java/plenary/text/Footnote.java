package plenary.text;

import java.util.List;

public record Footnote(String label, List<Inline> content) {
    public Footnote {
        content = List.copyOf(content);
    }
}
