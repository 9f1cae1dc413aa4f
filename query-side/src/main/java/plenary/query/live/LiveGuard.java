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
import plenary.identity.Actor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may follow a draft live. A SUBSCRIBE to a draft's topics ({@code /topic/drafts.{d}} and its
 * {@code .presence}) is allowed to the delegations admitted to that draft, the chair, the secretariat and
 * auditors; observers read the current text over HTTP and are refused here, as is everyone else. A client may
 * SEND only its focus ({@code /app/drafts.{d}.focus}), never to a topic. A refusal is an ERROR frame, after which
 * the server closes the connection.
 */
@Component
class LiveGuard implements ChannelInterceptor {

    /** Draft ids are UUIDs: no broker wildcard ({@code *}, {@code **}) may widen a subscription past the check. */
    static final Pattern TOPIC = Pattern.compile("/topic/drafts\\.([\\w-]+)(\\.presence)?");
    static final Pattern FOCUS = Pattern.compile("/app/drafts\\.([\\w-]+)\\.focus");

    private final Admissions admissions;
    private final Refusals refusals;

    LiveGuard(Admissions admissions, Refusals refusals) {
        this.admissions = admissions;
        this.refusals = refusals;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        String refusal = stomp == null ? null : refusal(stomp);
        return refusal == null ? message : refusals.refuse(stomp, refusal);
    }

    private String refusal(StompHeaderAccessor stomp) {
        StompCommand command = stomp.getCommand();
        if (command != StompCommand.SUBSCRIBE && command != StompCommand.SEND) {
            return null;
        }
        if (!(stomp.getUser() instanceof Authentication)) {
            return "CONNECT with a bearer token, or login and passcode, first";
        }
        String destination = String.valueOf(stomp.getDestination());
        if (command == StompCommand.SUBSCRIBE) {
            Matcher topic = TOPIC.matcher(destination);
            return topic.matches() ? mayNotFollow(actor(stomp), topic.group(1))
                    : "there is no topic " + destination + "; follow /topic/drafts.{draftId}";
        }
        return FOCUS.matcher(destination).matches() ? null
                : "clients send only their focus, to /app/drafts.{draftId}.focus";
    }

    private String mayNotFollow(Actor actor, String draftId) {
        return switch (actor.role()) {
            case CHAIR, SECRETARIAT, AUDITOR -> null;
            case DELEGATION -> admissions.admitted(draftId, actor.delegation()) ? null
                    : "delegation " + actor.attribution() + " has not been admitted to draft " + draftId;
            default -> "only the draft's delegations, the chair, the secretariat and auditors follow a draft live; "
                    + "the " + actor.role().name().toLowerCase() + " reads its current text over HTTP";
        };
    }

    /** The authenticated actor of a frame that this guard has let through. */
    static Actor actor(StompHeaderAccessor stomp) {
        return Identities.actor((Authentication) stomp.getUser());
    }
}
