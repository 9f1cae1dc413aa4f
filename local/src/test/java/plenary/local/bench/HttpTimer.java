package plenary.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A client in its own process, so that what a benchmark measures is what a client sees over loopback, not what the
 * server's JVM spends on its own clients. {@code java … HttpTimer <base URL> <user> <plan file>}: each line of the
 * plan is {@code label<TAB>runs<TAB>warm-ups<TAB>path path …}; the paths are taken in turn, one request at a
 * time, and every answer must be 200. Prints one BENCH line per plan line; exits 1 on any other answer.
 */
public final class HttpTimer {

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[1]).getBytes());
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            String[] plan = line.split("\t");
            int runs = Integer.parseInt(plan[1]);
            int warmups = Integer.parseInt(plan[2]);
            List<String> paths = List.of(plan[3].split(" "));
            long[] nanos = new long[runs];
            long bytes = 0;
            for (int i = -warmups; i < runs; i++) {
                String path = paths.get(Math.floorMod(i, paths.size()));
                HttpRequest request = HttpRequest.newBuilder(URI.create(args[0] + path))
                        .header("Authorization", authorization).timeout(Duration.ofMinutes(2)).build();
                long started = System.nanoTime();
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - started;
                if (response.statusCode() != 200) {
                    System.out.println("FAIL " + path + " answered " + response.statusCode() + ": "
                            + new String(response.body()));
                    System.exit(1);
                }
                if (i >= 0) {
                    nanos[i] = took;
                    bytes += response.body().length;
                }
            }
            Arrays.sort(nanos);
            System.out.printf("BENCH %-58s p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms  (%d requests, %d bytes each)%n",
                    plan[0], nanos[(runs - 1) / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6,
                    nanos[runs - 1] / 1e6, runs, bytes / runs);
        }
    }

    private HttpTimer() {
    }
}
