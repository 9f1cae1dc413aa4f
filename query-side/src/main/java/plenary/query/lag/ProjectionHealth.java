package plenary.query.lag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How far the projection is behind the event store, per processor segment, as every query node sees it: the head of
 * the store against the position in each segment's token (in PostgreSQL, whichever node owns it). Looked at every
 * {@code plenary.projection.lag-interval} (2 s); published as {@code plenary.projection.lag{processor,segment}} in
 * events, and as the health indicator {@code projection}, part of readiness: DOWN when a segment is more than
 * {@code plenary.projection.max-lag} events behind, or has been behind without moving for
 * {@code plenary.projection.stall} (no node projects: all dead, or the processor failing).
 */
@Component("projection")
class ProjectionHealth implements HealthIndicator {

    private static final String PROCESSOR = "drafts";

    /** One segment as last looked at. */
    private record Segment(long position, long lag, String owner, long unmovedSince) {
    }

    private final JdbcTemplate db;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final long maxLag;
    private final long stall;
    private final Map<Integer, Segment> segments = new ConcurrentHashMap<>();
    private volatile long head = -1;
    private volatile String failure = "not looked at yet";
    private final ScheduledExecutorService looker =
            Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("projection-lag-"));

    ProjectionHealth(JdbcTemplate db, ObjectMapper json, MeterRegistry meters,
                     @Value("${plenary.projection.max-lag:10000}") long maxLag,
                     @Value("${plenary.projection.stall:60s}") Duration stall,
                     @Value("${plenary.projection.lag-interval:2s}") Duration interval) {
        this.db = db;
        this.json = json;
        this.meters = meters;
        this.maxLag = maxLag;
        this.stall = stall.toNanos();
        looker.scheduleWithFixedDelay(this::look, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        looker.shutdownNow();
    }

    private void look() {
        try {
            // ORDER BY … LIMIT 1 reads one index entry whatever the statistics say
            List<Long> top = db.queryForList(
                    "SELECT globalIndex FROM DomainEventEntry ORDER BY globalIndex DESC LIMIT 1", Long.class);
            head = top.isEmpty() ? -1 : top.get(0);
            long now = System.nanoTime();
            db.query("SELECT segment, token, owner FROM TokenEntry WHERE processorName = ?", row -> {
                int segment = row.getInt("segment");
                long position = position(row.getBytes("token"));
                long lag = Math.max(0, head - position);
                Segment before = segments.get(segment);
                if (before == null) {
                    Gauge.builder("plenary.projection.lag", segments, s -> s.containsKey(segment) ? s.get(segment).lag() : 0)
                            .tags("processor", PROCESSOR, "segment", String.valueOf(segment))
                            .description("events in the store that this segment of the processor has not handled")
                            .register(meters);
                }
                long unmovedSince = before != null && before.position() == position && lag > 0 ? before.unmovedSince() : now;
                segments.put(segment, new Segment(position, lag, row.getString("owner"), unmovedSince));
            }, PROCESSOR);
            failure = null;
        } catch (RuntimeException e) {
            failure = e.toString();
        }
    }

    /** The global index a token stands at: Axon's gap-aware token, possibly inside a replay token; -1 for none. */
    private long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = json.readTree(token);
            while (node != null && !node.has("index") && node.has("currentToken")) {
                node = node.get("currentToken");
            }
            return node == null || !node.has("index") ? -1 : node.get("index").asLong();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Health health() {
        if (failure != null) {
            return Health.down().withDetail("reason", failure).build();
        }
        long now = System.nanoTime();
        boolean ready = !segments.isEmpty() || head < 0;
        Map<String, Object> details = new TreeMap<>();
        for (var entry : segments.entrySet()) {
            Segment s = entry.getValue();
            boolean stalled = s.lag() > 0 && now - s.unmovedSince() > stall;
            ready &= s.lag() <= maxLag && !stalled;
            details.put("segment " + entry.getKey(), Map.of("lag", s.lag(), "position", s.position(),
                    "owner", String.valueOf(s.owner()), "stalled", stalled));
        }
        return (ready ? Health.up() : Health.down()).withDetail("processor", PROCESSOR).withDetail("head", head)
                .withDetails(details).build();
    }
}
