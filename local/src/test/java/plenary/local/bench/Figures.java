package plenary.local.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Prints latencies the way every benchmark reports them: one BENCH line with p50, p99 and max. */
final class Figures {

    /** The machine while a run took place: its cores, its load, and how much of it this JVM used, and on what. */
    static final class Machine {
        private final long cpuStart = cpu();
        private final long wallStart = System.nanoTime();
        private final Map<String, Long> threadsStart = threads();
        private final long gcStart = gc();

        String report() {
            long wall = System.nanoTime() - wallStart;
            StringBuilder report = new StringBuilder(String.format(
                    "%d cores, load average %.1f; this JVM (Plenary and its clients) used %.2f cores:",
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    (double) (cpu() - cpuStart) / wall));
            threads().entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - threadsStart.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() * 100 > wall)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> report.append(String.format(" %s %.2f,", e.getKey(), (double) e.getValue() / wall)));
            return report.substring(0, report.length() - 1)
                    + String.format("; GC pauses %.0f ms in all", (double) (gc() - gcStart));
        }

        private static long gc() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        }

        /** CPU time by thread pool: the names without the threads' numbers (Tomcat's keep their port). */
        private static Map<String, Long> threads() {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<String, Long> byPool = new TreeMap<>();
            for (ThreadInfo thread : mx.getThreadInfo(mx.getAllThreadIds())) {
                long cpu = thread == null ? -1 : mx.getThreadCpuTime(thread.getThreadId());
                if (cpu > 0) {
                    byPool.merge(thread.getThreadName().replaceAll("-\\d+$", "").replaceAll("#\\d+", ""), cpu, Long::sum);
                }
            }
            return byPool;
        }

        private static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }

    /**
     * A free port, so that Tomcat names its threads after it (with port 0 both sides' pools are "auto-1") and the
     * CPU report tells the command side from the query side.
     */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("BENCH %-28s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%d samples)%n", what,
                ms(sorted[(sorted.length - 1) / 2]), ms(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]),
                ms(sorted[sorted.length - 1]), sorted.length);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private Figures() {
    }
}
