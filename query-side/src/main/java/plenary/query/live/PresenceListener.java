package plenary.query.live;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Controller;

import java.util.regex.Matcher;

/**
 * Tells {@link Presence} what clients do: it watches SUBSCRIBE, UNSUBSCRIBE and DISCONNECT once the broker has
 * handled them (Spring sends a DISCONNECT for a connection that just dropped too), and takes the focus that a
 * client SENDs to {@code /app/drafts.{d}.focus} as {@code {"paragraphId": "p1.9"}} (null for none).
 */
@Controller
class PresenceListener implements ExecutorChannelInterceptor {

    record Focus(String paragraphId) {
    }

    private final Presence presence;

    PresenceListener(Presence presence) {
        this.presence = presence;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        if (ex != null || !(handler instanceof AbstractBrokerMessageHandler)) {
            return;
        }
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
        SimpMessageType type = stomp.getMessageType();
        if (type == SimpMessageType.SUBSCRIBE) {
            Matcher topic = LiveGuard.TOPIC.matcher(String.valueOf(stomp.getDestination()));
            if (topic.matches()) {
                presence.subscribed(stomp.getSessionId(), stomp.getSubscriptionId(), topic.group(1),
                        topic.group(2) != null, LiveGuard.actor(stomp));
            }
        } else if (type == SimpMessageType.UNSUBSCRIBE) {
            presence.unsubscribed(stomp.getSessionId(), stomp.getSubscriptionId());
        } else if (type == SimpMessageType.DISCONNECT) {
            presence.disconnected(stomp.getSessionId());
        }
    }

    @MessageMapping("/drafts.{draftId}.focus")
    void focus(@DestinationVariable String draftId, Focus focus, SimpMessageHeaderAccessor headers) {
        presence.focused(headers.getSessionId(), draftId, focus.paragraphId());
    }
}
