package plenary.query.drafting;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The rows of one table in PostgreSQL's COPY text format, ready to copy: encoded straight into one buffer, each
 * value once. A value is escaped only if it holds a byte that COPY reads specially (a backslash, a tab, a line
 * end), which UTF-8 never puts inside a longer character; most hold none and are copied whole.
 */
final class CopyRows {

    private static final byte[] NULL = {'\\', 'N'};
    private final FoldListener.Table table;
    private byte[] text = new byte[1 << 16];
    private int size;

    CopyRows(FoldListener.Table table) {
        this.table = table;
    }

    /** Adds a row; answers its size in bytes. */
    long add(Object[] row) {
        int start = size;
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                put((byte) '\t');
            }
            Object value = row[i];
            if (value == null) {
                put(NULL);
            } else if (value instanceof Instant at) {
                put(DateTimeFormatter.ISO_INSTANT.format(at).getBytes(StandardCharsets.US_ASCII));
            } else if (value instanceof Number n) {
                put(n.toString().getBytes(StandardCharsets.US_ASCII));
            } else {
                escaped(value.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        put((byte) '\n');
        return size - start;
    }

    private void escaped(byte[] value) {
        int plain = 0;
        while (plain < value.length && !special(value[plain])) {
            plain++;
        }
        if (plain == value.length) {
            put(value);
            return;
        }
        room(value.length * 2);
        System.arraycopy(value, 0, text, size, plain);
        size += plain;
        for (int i = plain; i < value.length; i++) {
            byte b = value[i];
            switch (b) {
                case '\\' -> { text[size++] = '\\'; text[size++] = '\\'; }
                case '\n' -> { text[size++] = '\\'; text[size++] = 'n'; }
                case '\r' -> { text[size++] = '\\'; text[size++] = 'r'; }
                case '\t' -> { text[size++] = '\\'; text[size++] = 't'; }
                default -> text[size++] = b;
            }
        }
    }

    private static boolean special(byte b) {
        return b == '\\' || b == '\n' || b == '\r' || b == '\t';
    }

    private void put(byte b) {
        room(1);
        text[size++] = b;
    }

    private void put(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, text, size, bytes.length);
        size += bytes.length;
    }

    private void room(int more) {
        if (size + more > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, size + more));
        }
    }

    FoldListener.Table table() {
        return table;
    }

    /** Adds the rows of {@code other}, of the same table. */
    void append(CopyRows other) {
        room(other.size);
        System.arraycopy(other.text, 0, text, size, other.size);
        size += other.size;
    }

    /** Copies the rows into the table in {@code schema}, and forgets them. */
    void copy(PGConnection pg, String schema) throws SQLException {
        if (size == 0) {
            return;
        }
        String columns = String.join(", ", table.columns().stream().map(c -> c.split("::")[0]).toList());
        CopyIn in = pg.getCopyAPI().copyIn("COPY " + schema + "." + table.name() + " (" + columns + ") FROM STDIN");
        try {
            in.writeToCopy(text, 0, size);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        size = 0;
    }
}
