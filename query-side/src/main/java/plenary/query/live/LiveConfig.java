package plenary.query.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/** STOMP over WebSocket at /ws; a simple in-memory broker for /topic. */
@Configuration
@EnableWebSocketMessageBroker
class LiveConfig implements WebSocketMessageBrokerConfigurer {

    private final StompAuthentication authentication;
    private final LiveGuard guard;
    private final SubscriptionReceipts receipts;
    private final PresenceListener presence;

    LiveConfig(StompAuthentication authentication, LiveGuard guard, SubscriptionReceipts receipts,
               PresenceListener presence) {
        this.authentication = authentication;
        this.guard = guard;
        this.receipts = receipts;
        this.presence = presence;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOriginPatterns("*");
        // a client's SUBSCRIBE, focus and UNSUBSCRIBE take effect in the order it sent them
        registry.setPreserveReceiveOrder(true);
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic");
        registry.setApplicationDestinationPrefixes("/app");
        // a client must see versions in the order they were published
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authentication, guard, receipts, presence);
    }
}
