package plenary.query.live;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import plenary.access.WebOrigins;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * STOMP over WebSocket at /ws with a simple in-memory broker for /topic, or RabbitMQ behind Spring's broker relay
 * ({@link LiveRelay}): authenticated on CONNECT, guarded on SUBSCRIBE and SEND, in order both ways, with heartbeats
 * that find dead connections and a bounded send queue per connection ({@link LiveLimits}).
 */
@Configuration
@EnableWebSocketMessageBroker
@EnableConfigurationProperties({LiveLimits.class, LiveRelay.class})
class LiveConfig implements WebSocketMessageBrokerConfigurer, DisposableBean {

    private final StompAuthentication authentication;
    private final LiveGuard guard;
    private final SubscriptionReceipts receipts;
    private final PresenceListener presence;
    private final LiveLimits limits;
    private final LiveRelay relay;
    private final LiveMetrics metrics;
    private final WebOrigins origins;
    private final Lanes lanes;
    private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
    /** Closes dropped connections, which may take up to the send time limit each. */
    private final ExecutorService closer = Executors.newCachedThreadPool(new CustomizableThreadFactory("live-close-"));

    LiveConfig(StompAuthentication authentication, LiveGuard guard, SubscriptionReceipts receipts,
               PresenceListener presence, LiveLimits limits, LiveRelay relay, LiveMetrics metrics,
               WebOrigins origins, Lanes lanes) {
        this.authentication = authentication;
        this.lanes = lanes;
        this.origins = origins;
        this.guard = guard;
        this.receipts = receipts;
        this.presence = presence;
        this.limits = limits;
        this.relay = relay;
        this.metrics = metrics;
        heartbeats.setThreadNamePrefix("live-heartbeat-");
        heartbeats.initialize();
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // a page of this side, or of a configured web origin: a browser's handshake carries the session cookie
        // without permessage-deflate: a change is encoded once for all its clients, not compressed once for each
        registry.addEndpoint("/ws").setHandshakeHandler(new Uncompressed())
                .setAllowedOrigins(origins.configured().toArray(String[]::new));
        // a client's SUBSCRIBE, focus and UNSUBSCRIBE take effect in the order it sent them
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        long heartbeat = limits.heartbeat().toMillis();
        if (relay.enabled()) {
            // every client session gets its own STOMP connection to RabbitMQ, which keeps its subscriptions and
            // heartbeats; if the broker goes away each client gets an ERROR frame and reconnects
            registry.enableStompBrokerRelay("/topic").setRelayHost(relay.host()).setRelayPort(relay.port())
                    .setClientLogin(relay.login()).setClientPasscode(relay.passcode())
                    .setSystemLogin(relay.login()).setSystemPasscode(relay.passcode())
                    .setVirtualHost(relay.virtualHost()).setTaskScheduler(heartbeats)
                    .setSystemHeartbeatSendInterval(heartbeat).setSystemHeartbeatReceiveInterval(heartbeat);
        } else {
            registry.enableSimpleBroker("/topic").setTaskScheduler(heartbeats)
                    .setHeartbeatValue(new long[]{heartbeat, heartbeat});
        }
        registry.setApplicationDestinationPrefixes("/app");
    }

    /**
     * One thread writes everything but drafts' changes (those go through {@link Lanes}): receipts, errors, presence.
     * One thread writes to every client, so each client gets its messages in the order they were published without
     * Spring's per-session ordering (preservePublishOrder), which costs a queue and a hand-off per message and per
     * client. One thread suffices because it never waits: {@link SendQueue} only starts each write. At about ten
     * microseconds per message and client it has room for some 90 000 deliveries a second.
     */
    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(1).maxPoolSize(1);
        registration.interceptors(metrics);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(handler -> SendQueue.around(handler, limits, closer, lanes));
    }

    /** The query side's connector: HTTP answers get the same socket send buffer, ample for a reader's JSON. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> boundedSocketSendBuffer() {
        String bytes = String.valueOf(limits.socketSendBuffer().toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", bytes));
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        // RabbitMQ answers a SUBSCRIBE's receipt itself, once the subscription is really there
        registration.interceptors(relay.enabled()
                ? new ChannelInterceptor[]{authentication, guard, presence}
                : new ChannelInterceptor[]{authentication, guard, receipts, presence});
    }

    @Override
    public void destroy() {
        heartbeats.shutdown();
        closer.shutdownNow();
    }
}
