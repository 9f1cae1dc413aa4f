package plenary.query.live;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Answers a SUBSCRIBE that asks for a receipt once the broker has registered it (Spring's simple broker sends
 * none). A client that waits for the receipt knows that every change published afterwards will reach it, so it
 * can subscribe first and then catch up with /events?after=N without a gap.
 */
@Component
class SubscriptionReceipts implements ExecutorChannelInterceptor {

    private final MessageChannel clientOutbound;

    SubscriptionReceipts(@Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
        if (ex != null || !(handler instanceof AbstractBrokerMessageHandler)
                || stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getReceipt() == null) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(stomp.getReceipt());
        receipt.setSessionId(stomp.getSessionId());
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }
}
