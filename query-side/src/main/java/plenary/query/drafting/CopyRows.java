package plenary.query.drafting;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The rows of one table in PostgreSQL's COPY text format, ready to copy: encoded straight into one buffer, each
 * value once. A value is escaped only if it holds a byte that COPY reads specially (a backslash, a tab, a line
 * end), which UTF-8 never puts inside a longer character; most hold none and are copied whole. A {@link Json} value
 * is written as JSON straight into the buffer, without a String in between.
 */
final class CopyRows {

    /** A JSON column's value, written as JSON into the rows by the ObjectMapper given. */
    record Json(Object value) {
    }

    private static final byte[] NULL = {'\\', 'N'};
    private final FoldListener.Table table;
    private final ObjectMapper json;
    private byte[] text = new byte[1 << 16];
    private int size;
    /** What Jackson writes, escaped as COPY reads it, into the buffer. */
    private final OutputStream escaping = new OutputStream() {
        @Override
        public void write(int b) {
            escaped(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            escaped(bytes, offset, length);
        }
    };

    CopyRows(FoldListener.Table table) {
        this(table, null);
    }

    /** {@code json}: what writes the {@link Json} values (null: the rows hold none). */
    CopyRows(FoldListener.Table table, ObjectMapper json) {
        this.table = table;
        this.json = json;
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
            } else if (value instanceof Json j) {
                try {
                    json.writeValue(escaping, j.value());
                } catch (IOException e) {
                    throw new IllegalStateException("cannot write " + j.value().getClass().getSimpleName() + " as JSON", e);
                }
            } else {
                byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                escaped(bytes, 0, bytes.length);
            }
        }
        put((byte) '\n');
        return size - start;
    }

    private void escaped(byte[] value, int offset, int length) {
        int end = offset + length;
        int plain = offset;
        while (plain < end && !special(value[plain])) {
            plain++;
        }
        room(plain == end ? length : length * 2);
        // the runs between special bytes copied whole: rendered HTML in JSON has an escaped quote every few bytes
        for (int from = offset; ; ) {
            System.arraycopy(value, from, text, size, plain - from);
            size += plain - from;
            if (plain == end) {
                return;
            }
            text[size++] = '\\';
            text[size++] = switch (value[plain]) {
                case '\n' -> (byte) 'n';
                case '\r' -> (byte) 'r';
                case '\t' -> (byte) 't';
                default -> (byte) '\\';
            };
            from = ++plain;
            while (plain < end && !special(value[plain])) {
                plain++;
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
