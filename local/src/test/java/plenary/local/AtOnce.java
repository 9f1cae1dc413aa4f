package plenary.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs requests from as many threads at the same instant: each waits at a barrier until all are ready. */
public final class AtOnce {

    public static <T> List<T> run(List<Supplier<T>> requests) throws Exception {
        CyclicBarrier start = new CyclicBarrier(requests.size());
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Supplier<T> request : requests) {
                answers.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return request.get();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private AtOnce() {
    }
}
