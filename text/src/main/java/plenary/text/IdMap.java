package plenary.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A persistent map from ids to values, split into shards: a change copies the shards it touches, not the map, so a
 * draft's next version shares the index of the last one but for a shard or two. Never changed once built.
 */
final class IdMap<V> {

    /** Entries per shard, on average, past which the next change splits the map into more shards. */
    private static final int SHARD_SIZE = 32;

    private final HashMap<String, V>[] shards;
    private final int size;

    private IdMap(HashMap<String, V>[] shards, int size) {
        this.shards = shards;
        this.size = size;
    }

    static <V> IdMap<V> empty() {
        return new IdMap<>(shards(1), 0);
    }

    V get(String id) {
        HashMap<String, V> shard = shards[slot(id, shards.length)];
        return shard == null ? null : shard.get(id);
    }

    int size() {
        return size;
    }

    Editor<V> edit() {
        return new Editor<>(this);
    }

    /** Changes to one map, each shard copied at most once; {@link #done()} gives the new map. */
    static final class Editor<V> {
        private HashMap<String, V>[] shards;
        private final boolean[] copied;
        private int size;

        private Editor(IdMap<V> from) {
            this.shards = Arrays.copyOf(from.shards, from.shards.length);
            this.copied = new boolean[shards.length];
            this.size = from.size;
        }

        V get(String id) {
            HashMap<String, V> shard = shards[slot(id, shards.length)];
            return shard == null ? null : shard.get(id);
        }

        void put(String id, V value) {
            if (writable(id).put(id, value) == null) {
                size++;
            }
        }

        void remove(String id) {
            int slot = slot(id, shards.length);
            if (shards[slot] != null && shards[slot].containsKey(id)) {
                writable(id).remove(id);
                size--;
            }
        }

        IdMap<V> done() {
            if (size > shards.length * SHARD_SIZE * 2) {
                // grown: split into more shards, so that a change keeps copying a small shard
                HashMap<String, V>[] more = shards(Integer.highestOneBit(size / SHARD_SIZE) * 2);
                for (HashMap<String, V> shard : shards) {
                    if (shard != null) {
                        shard.forEach((id, value) -> {
                            int slot = slot(id, more.length);
                            if (more[slot] == null) {
                                more[slot] = new HashMap<>();
                            }
                            more[slot].put(id, value);
                        });
                    }
                }
                shards = more;
            }
            IdMap<V> map = new IdMap<>(shards, size);
            shards = null; // the map is immutable from here
            return map;
        }

        private HashMap<String, V> writable(String id) {
            int slot = slot(id, shards.length);
            if (!copied[slot]) {
                shards[slot] = shards[slot] == null ? new HashMap<>() : new HashMap<>(shards[slot]);
                copied[slot] = true;
            }
            return shards[slot];
        }
    }

    /** Every entry, for tests and for rebuilding. */
    Map<String, V> toMap() {
        Map<String, V> all = new HashMap<>();
        for (HashMap<String, V> shard : shards) {
            if (shard != null) {
                all.putAll(shard);
            }
        }
        return all;
    }

    private static int slot(String id, int shards) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & (shards - 1);
    }

    @SuppressWarnings("unchecked")
    private static <V> HashMap<String, V>[] shards(int n) {
        return (HashMap<String, V>[]) new HashMap[n];
    }
}
