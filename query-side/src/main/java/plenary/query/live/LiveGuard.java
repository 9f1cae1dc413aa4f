package plenary.query.live;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import plenary.access.Identities;
import plenary.query.readers.Readers;
import plenary.identity.Actor;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may follow a draft live. A SUBSCRIBE to a draft's topics ({@code /topic/drafts.{d}} and its
 * {@code .presence}) is allowed to whoever reads the draft's record ({@link Readers}, the rule HTTP asks too);
 * anyone else gets an ERROR frame. A client may
 * SEND only its focus ({@code /app/drafts.{d}.focus}), never to a topic. A refusal is an ERROR frame, after which
 * the server closes the connection.
 */
@Component
class LiveGuard implements ChannelInterceptor {

    /** Draft ids are UUIDs: no broker wildcard ({@code *}, {@code **}) may widen a subscription past the check. */
    static final Pattern TOPIC = Pattern.compile("/topic/drafts\\.([\\w-]+)(\\.presence)?");
    static final Pattern FOCUS = Pattern.compile("/app/drafts\\.([\\w-]+)\\.focus");

    private final Readers readers;
    private final Refusals refusals;
    private final int maxSubscriptions;
    /** session → its live subscriptions */
    private final Map<String, Set<String>> subscriptions = new ConcurrentHashMap<>();

    LiveGuard(Readers readers, Refusals refusals, LiveLimits limits) {
        this.readers = readers;
        this.refusals = refusals;
        this.maxSubscriptions = limits.subscriptions();
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        String refusal = stomp == null ? null : refusal(stomp);
        return refusal == null ? message : refusals.refuse(stomp, refusal);
    }

    private String refusal(StompHeaderAccessor stomp) {
        StompCommand command = stomp.getCommand();
        if (command == StompCommand.UNSUBSCRIBE) {
            subscriptions.getOrDefault(stomp.getSessionId(), Set.of()).remove(stomp.getSubscriptionId());
            return null;
        }
        if (command == StompCommand.DISCONNECT) {
            subscriptions.remove(stomp.getSessionId());
            return null;
        }
        if (command != StompCommand.SUBSCRIBE && command != StompCommand.SEND) {
            return null;
        }
        if (!(stomp.getUser() instanceof Authentication)) {
            return "CONNECT with a bearer token, or login and passcode, first";
        }
        String destination = String.valueOf(stomp.getDestination());
        if (command == StompCommand.SUBSCRIBE) {
            Matcher topic = TOPIC.matcher(destination);
            if (!topic.matches()) {
                return "there is no topic " + destination + "; follow /topic/drafts.{draftId}";
            }
            String refusal = readers.mayNotFollow(actor(stomp), topic.group(1));
            if (refusal == null) {
                Set<String> ofSession = subscriptions.computeIfAbsent(stomp.getSessionId(),
                        s -> ConcurrentHashMap.newKeySet());
                if (ofSession.size() >= maxSubscriptions && !ofSession.contains(stomp.getSubscriptionId())) {
                    return "a connection holds at most " + maxSubscriptions + " subscriptions (plenary.live.subscriptions)";
                }
                ofSession.add(stomp.getSubscriptionId());
            }
            return refusal;
        }
        return FOCUS.matcher(destination).matches() ? null
                : "clients send only their focus, to /app/drafts.{draftId}.focus";
    }

    /** The authenticated actor of a frame that this guard has let through. */
    static Actor actor(StompHeaderAccessor stomp) {
        return Identities.actor((Authentication) stomp.getUser());
    }
}
