package plenary.query.drafting;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one bound shared by folded drafts, parsed snapshots and past events: what it holds weighs no more than its
 * capacity, and what goes first is what was used least recently. The values here are lists weighing their size.
 */
class WeighedLruTest {

    private final WeighedLru<String, List<Integer>> lru = new WeighedLru<>(10, List::size);

    private static List<Integer> weighing(int weight) {
        return Collections.nCopies(weight, 0);
    }

    @Test
    void itKeepsWhatFitsItsWeightHoweverManyEntriesThatIs() {
        for (int i = 0; i < 10; i++) {
            lru.put("k" + i, weighing(1));
        }
        for (int i = 0; i < 10; i++) {
            assertThat(lru.get("k" + i)).as("k" + i).isNotNull();
        }
    }

    @Test
    void aHeavyEntryPushesOutAsManyOfTheOldestAsItWeighs() {
        for (int i = 0; i < 10; i++) {
            lru.put("k" + i, weighing(1));
        }
        lru.put("heavy", weighing(4));
        for (int i = 0; i < 4; i++) {
            assertThat(lru.get("k" + i)).as("k" + i + " was among the oldest").isNull();
        }
        for (int i = 4; i < 10; i++) {
            assertThat(lru.get("k" + i)).as("k" + i).isNotNull();
        }
        assertThat(lru.get("heavy")).hasSize(4);
    }

    @Test
    void readingAnEntryMakesItTheLastToGo() {
        lru.put("a", weighing(4));
        lru.put("b", weighing(4));
        assertThat(lru.get("a")).isNotNull(); // now b is the least recently used
        lru.put("c", weighing(4));
        assertThat(lru.get("b")).isNull();
        assertThat(lru.get("a")).isNotNull();
        assertThat(lru.get("c")).isNotNull();
    }

    @Test
    void replacingAnEntryCountsItsNewWeightNotBoth() {
        lru.put("a", weighing(8));
        lru.put("a", weighing(2));
        lru.put("b", weighing(8));
        assertThat(lru.get("a")).as("2 + 8 fit in 10; counting a's old weight as well would have pushed it out")
                .hasSize(2);
        assertThat(lru.get("b")).hasSize(8);

        lru.put("b", weighing(9)); // grows: 2 + 9 no longer fit, and a is now the least recently used
        assertThat(lru.get("a")).isNull();
        assertThat(lru.get("b")).hasSize(9);
    }

    @Test
    void removingOrClearingGivesTheWeightBack() {
        lru.put("a", weighing(6));
        lru.put("b", weighing(4));
        lru.remove("a");
        lru.remove("nothing");
        lru.put("c", weighing(6));
        assertThat(lru.get("b")).isNotNull();
        assertThat(lru.get("c")).isNotNull();

        lru.clear();
        assertThat(lru.get("b")).isNull();
        lru.put("d", weighing(10));
        assertThat(lru.get("d")).hasSize(10);
    }

    @Test
    void anEntryHeavierThanTheWholeBoundIsNotKept() {
        lru.put("a", weighing(3));
        lru.put("huge", weighing(11));
        assertThat(lru.get("huge")).isNull();
        assertThat(lru.get("a")).as("the oldest went first, to make room that was never enough").isNull();
        lru.put("b", weighing(10));
        assertThat(lru.get("b")).as("and nothing of the huge one stays counted").hasSize(10);
    }
}
