package plenary.query.live;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Authenticates STOMP CONNECT. Browsers cannot put credentials on the WebSocket handshake, so a client sends
 * them as the CONNECT frame's {@code login} and {@code passcode} headers; a handshake already authenticated
 * with HTTP Basic is accepted as it is. Anything else is refused.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

    private final AuthenticationManager authenticationManager;
    private final Refusals refusals;

    StompAuthentication(AuthenticationManager authenticationManager, Refusals refusals) {
        this.authenticationManager = authenticationManager;
        this.refusals = refusals;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() != StompCommand.CONNECT) {
            return message;
        }
        String login = stomp.getLogin();
        if (login != null) {
            try {
                stomp.setUser(authenticationManager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(login, stomp.getPasscode())));
            } catch (AuthenticationException e) {
                return refusals.refuse(stomp, "bad login or passcode");
            }
        } else if (stomp.getUser() == null) {
            return refusals.refuse(stomp, "CONNECT needs login and passcode headers");
        }
        return message;
    }
}
