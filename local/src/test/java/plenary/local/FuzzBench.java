package plenary.local;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link FuzzTest} at full size: ten thousand generated requests, with the same assertions, then the same check
 * of every draft and export. A benchmark-style run (tag {@code bench}), printing a {@code BENCH fuzz:} line:
 * {@code mvn -B -pl local -am verify -Dtest=FuzzBench -Dsurefire.failIfNoSpecifiedTests=false -DexcludedGroups=none}.
 */
@Tag("bench")
class FuzzBench {

    @BeforeContainer
    static void start() throws Exception {
        FuzzTest.start();
    }

    @AfterContainer
    static void finish() throws Exception {
        FuzzTest.everyDraftIsCaughtUpAndExportsWell();
    }

    @Property(tries = 10_000)
    void noInputBreaksPlenary(@ForAll("calls") FuzzTest.Call call) throws Exception {
        new FuzzTest().noInputBreaksPlenary(call);
    }

    @Provide
    Arbitrary<FuzzTest.Call> calls() {
        return new FuzzTest().calls();
    }
}
