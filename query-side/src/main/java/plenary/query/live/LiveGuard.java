package plenary.query.live;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessagingException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import plenary.identity.Accounts;
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

    LiveGuard(Admissions admissions) {
        this.admissions = admissions;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() == null) {
            return message;
        }
        switch (stomp.getCommand()) {
            case SUBSCRIBE -> {
                Matcher topic = TOPIC.matcher(String.valueOf(stomp.getDestination()));
                if (!topic.matches()) {
                    throw refused("there is no topic " + stomp.getDestination() + "; follow /topic/drafts.{draftId}");
                }
                mayFollow(actor(stomp), topic.group(1));
            }
            case SEND -> {
                if (!FOCUS.matcher(String.valueOf(stomp.getDestination())).matches()) {
                    throw refused("clients send only their focus, to /app/drafts.{draftId}.focus");
                }
            }
            default -> {
            }
        }
        return message;
    }

    private void mayFollow(Actor actor, String draftId) {
        switch (actor.role()) {
            case CHAIR, SECRETARIAT, AUDITOR -> {
            }
            case DELEGATION -> {
                if (!admissions.admitted(draftId, actor.delegation())) {
                    throw refused("delegation " + actor.attribution() + " has not been admitted to draft " + draftId);
                }
            }
            default -> throw refused("only the draft's delegations, the chair, the secretariat and auditors follow a "
                    + "draft live; the " + actor.role().name().toLowerCase() + " reads its current text over HTTP");
        }
    }

    static Actor actor(StompHeaderAccessor stomp) {
        if (!(stomp.getUser() instanceof Authentication user)) {
            throw refused("CONNECT with login and passcode first");
        }
        return Accounts.actor(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    private static MessagingException refused(String reason) {
        return new MessagingException(reason);
    }
}
