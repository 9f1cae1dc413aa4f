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
import plenary.access.BearerTokens;

/**
 * Authenticates STOMP CONNECT. Browsers cannot put credentials on the WebSocket handshake, so a client sends
 * them in the CONNECT frame: {@code Authorization: Bearer <token>} (the web client's session token), or an
 * account's {@code login} and {@code passcode}. A handshake already authenticated (HTTP Basic, or the web
 * client's session, which only the allowed origins can use) is accepted as it is. Anything else is refused.
 */
@Component
class StompAuthentication implements ChannelInterceptor {

    private final AuthenticationManager authenticationManager;
    private final BearerTokens bearer;
    private final Refusals refusals;

    StompAuthentication(AuthenticationManager authenticationManager, BearerTokens bearer, Refusals refusals) {
        this.authenticationManager = authenticationManager;
        this.bearer = bearer;
        this.refusals = refusals;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null || stomp.getCommand() != StompCommand.CONNECT) {
            return message;
        }
        String authorization = stomp.getFirstNativeHeader("Authorization");
        String login = stomp.getLogin();
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return refusals.refuse(stomp, "CONNECT's Authorization header takes a bearer token: Bearer <token>");
            }
            try {
                stomp.setUser(bearer.authenticate(authorization.substring(7).strip()));
            } catch (AuthenticationException e) {
                return refusals.refuse(stomp, "the bearer token was refused: " + e.getMessage());
            }
        } else if (login != null) {
            try {
                stomp.setUser(authenticationManager.authenticate(
                        UsernamePasswordAuthenticationToken.unauthenticated(login, stomp.getPasscode())));
            } catch (AuthenticationException e) {
                return refusals.refuse(stomp, "bad login or passcode");
            }
        } else if (stomp.getUser() == null) {
            return refusals.refuse(stomp, "CONNECT needs an Authorization: Bearer header, or login and passcode");
        }
        return message;
    }
}
