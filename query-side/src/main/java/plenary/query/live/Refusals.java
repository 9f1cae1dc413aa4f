package plenary.query.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Refuses a client's frame with an ERROR frame that says why, after which Spring closes the connection. The
 * interceptors refuse this way instead of throwing: with receive order preserved, Spring hands frames on through
 * a queue that only logs what an interceptor throws, and the client would never hear of it.
 */
@Component
class Refusals {

    private final MessageChannel clientOutbound;

    Refusals(@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    /** Sends the ERROR; returns null, which an interceptor returns so that the frame goes no further. */
    Message<?> refuse(StompHeaderAccessor frame, String reason) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(frame.getSessionId());
        if (frame.getReceipt() != null) {
            error.setReceiptId(frame.getReceipt());
        }
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
        return null;
    }
}
