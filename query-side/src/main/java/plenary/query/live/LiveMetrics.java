package plenary.query.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.WebSocketMessageBrokerStats;

/**
 * What an operator watches on the live channel: connections open now ({@code plenary.live.connections}), messages
 * handed to clients ({@code plenary.live.deliveries}), clients dropped for falling behind
 * ({@code plenary.live.dropped}, Spring's count of sessions closed for a send limit, which is how {@link SendQueue}
 * drops them), and whether the broker is there: the health indicator {@code broker}, part of readiness. With the
 * relay, RabbitMQ going away turns it DOWN and every client gets an ERROR frame.
 */
@Component("broker")
class LiveMetrics implements HealthIndicator, ApplicationListener<BrokerAvailabilityEvent>, ChannelInterceptor {

    private final Counter deliveries;
    private volatile boolean available;
    private final LiveRelay relay;

    LiveMetrics(MeterRegistry meters, @Lazy WebSocketMessageBrokerStats stats, LiveRelay relay) {
        this.relay = relay;
        this.deliveries = Counter.builder("plenary.live.deliveries")
                .description("messages handed to live clients (changes, presence, receipts)").register(meters);
        Gauge.builder("plenary.live.connections", stats, s -> s.getWebSocketSessionStats().getWebSocketSessions())
                .description("live (WebSocket) connections open on this node").strongReference(true).register(meters);
        Gauge.builder("plenary.live.dropped", stats, s -> s.getWebSocketSessionStats().getLimitExceededSessions())
                .description("live clients dropped since start for falling too far behind").strongReference(true)
                .register(meters);
        Gauge.builder("plenary.live.broker.available", this, m -> m.available ? 1 : 0)
                .description("1 while the STOMP broker (RabbitMQ behind the relay, else in memory) is there")
                .register(meters);
    }

    @Override
    public void onApplicationEvent(BrokerAvailabilityEvent event) {
        available = event.isBrokerAvailable();
    }

    @Override
    public Health health() {
        Health.Builder health = available ? Health.up() : Health.down();
        return health.withDetail("broker", relay.enabled() ? relay.host() + ":" + relay.port() : "in memory").build();
    }

    /** Changes the {@link Lanes} handed to clients, past Spring's outbound channel. */
    void delivered(int messages) {
        deliveries.increment(messages);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.MESSAGE) {
            deliveries.increment();
        }
        return message;
    }
}
