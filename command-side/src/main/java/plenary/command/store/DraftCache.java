package plenary.command.store;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.lang.ref.SoftReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The drafts in use, kept in memory between commands: the most recently used {@code capacity} of them, each softly
 * held, so that the JVM may still take them back before it runs out of memory. Axon's {@code WeakReferenceCache}
 * lost a draft at almost every young collection (about once a second under load), and the next command then
 * replayed the draft's whole history: a tenth of a writer's CPU on a draft of two thousand events.
 */
final class DraftCache implements Cache {

    private final Map<Object, SoftReference<Object>> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();

    DraftCache(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, SoftReference<Object>> eldest) {
                boolean full = size() > capacity;
                if (full) {
                    listeners.forEach(l -> l.onEntryExpired(eldest.getKey()));
                }
                return full;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        SoftReference<Object> held = entries.get(key);
        Object value = held == null ? null : held.get();
        if (held != null && value == null) {
            entries.remove(key);
        }
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public synchronized void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        SoftReference<Object> previous = entries.put(key, new SoftReference<>(value));
        boolean updated = previous != null && previous.get() != null;
        listeners.forEach(l -> {
            if (updated) {
                l.onEntryUpdated(key, value);
            } else {
                l.onEntryCreated(key, value);
            }
        });
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (get(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V value = get(key);
        if (value != null) {
            put(key, update.apply(value));
        }
    }

    @Override
    public synchronized boolean remove(Object key) {
        SoftReference<Object> removed = entries.remove(key);
        if (removed != null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed != null;
    }

    @Override
    public synchronized void removeAll() {
        List.copyOf(entries.keySet()).forEach(this::remove);
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
