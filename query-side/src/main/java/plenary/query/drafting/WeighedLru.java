package plenary.query.drafting;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Least recently used first out, bounded by the weight of what it holds (paragraphs, events) rather than by a count,
 * since one long draft takes as much memory as hundreds of short ones. Not thread-safe: its owners synchronise.
 */
final class WeighedLru<K, V> {

    private final long capacity;
    private final ToLongFunction<V> weight;
    private final Map<K, V> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long held;

    WeighedLru(long capacity, ToLongFunction<V> weight) {
        this.capacity = capacity;
        this.weight = weight;
    }

    long capacity() {
        return capacity;
    }

    long weight(V value) {
        return weight.applyAsLong(value);
    }

    V get(K key) {
        return entries.get(key);
    }

    /** Keeps {@code value}, then lets the least recently used go until the weight held fits. */
    void put(K key, V value) {
        V was = entries.put(key, value);
        held += weight(value) - (was == null ? 0 : weight(was));
        for (Iterator<V> eldest = entries.values().iterator(); held > capacity && eldest.hasNext(); ) {
            held -= weight(eldest.next());
            eldest.remove();
        }
    }

    void remove(K key) {
        V was = entries.remove(key);
        if (was != null) {
            held -= weight(was);
        }
    }

    void clear() {
        entries.clear();
        held = 0;
    }
}
