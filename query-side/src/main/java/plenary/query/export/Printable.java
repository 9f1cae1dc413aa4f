package plenary.query.export;

import plenary.text.Characters;

import javax.xml.stream.XMLStreamWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

/**
 * Text as every export can carry it, whatever a draft's record holds: what XML cannot hold (control characters,
 * U+FFFE and U+FFFF, halves of surrogate pairs) and the bidi controls that would make a text display otherwise
 * than it reads (embeddings, overrides, isolates) print as U+FFFD, a visible mark that something stood there.
 * New text is refused such characters when it comes in, by the same rule ({@link Characters}); this keeps what
 * was recorded before from breaking the HTML, PDF, Word and Akoma Ntoso exports.
 */
final class Printable {

    static final char REPLACEMENT = '\uFFFD';

    static String of(String text) {
        if (text == null || clean(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int n = Character.charCount(c);
            sb.appendCodePoint(printable(c) ? c : REPLACEMENT);
            i += n;
        }
        return sb.toString();
    }

    private static boolean clean(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!printable(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /** What a text may hold ({@link Characters}, line breaks and tabs included) prints as it is. */
    static boolean printable(int c) {
        return Characters.accept(c, true);
    }

    /** An XML writer that writes every text and attribute value printable. */
    static XMLStreamWriter xml(XMLStreamWriter xml) {
        return (XMLStreamWriter) Proxy.newProxyInstance(Printable.class.getClassLoader(),
                new Class<?>[]{XMLStreamWriter.class}, (proxy, method, args) -> {
                    boolean text = method.getName().equals("writeCharacters") || method.getName().equals("writeAttribute");
                    if (text && args != null && args[args.length - 1] instanceof String value) {
                        args[args.length - 1] = of(value);
                    }
                    try {
                        return method.invoke(xml, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private Printable() {
    }
}
