package plenary.command.drafting;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import plenary.access.BearerTokens;
import plenary.access.WebOrigins;

/**
 * The command side's STOMP endpoint, {@code /ws}: commands only ({@link StompCommands}); drafts are followed on
 * the query side. A connection signs in once, in CONNECT ({@code Authorization: Bearer <token>}, or an account's
 * {@code login} and {@code passcode}), and every command on it acts as that user. Commands are handled on a pool
 * as wide as the writers one draft's group commit can batch, since each waits there until its batch commits.
 */
@Configuration
@EnableWebSocketMessageBroker
class CommandChannelConfig implements WebSocketMessageBrokerConfigurer {

    private final AuthenticationManager accounts;
    private final BearerTokens bearer;
    private final WebOrigins origins;

    CommandChannelConfig(@Qualifier("authenticationManager") AuthenticationManager accounts, BearerTokens bearer, WebOrigins origins) {
        this.accounts = accounts;
        this.bearer = bearer;
        this.origins = origins;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").setAllowedOrigins(origins.configured().toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(new SignIn()).taskExecutor().corePoolSize(64).maxPoolSize(64);
    }

    /** Signs the connection in at CONNECT; refuses anything but commands from a signed-in connection. */
    private final class SignIn implements ChannelInterceptor {
        @Override
        public Message<?> preSend(Message<?> message, MessageChannel channel) {
            StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
            if (stomp == null || stomp.getCommand() == null) {
                return message;
            }
            switch (stomp.getCommand()) {
                case CONNECT, STOMP -> signIn(stomp);
                case SEND -> {
                    if (stomp.getUser() == null) {
                        throw new MessageDeliveryException("sign in first, in CONNECT");
                    }
                }
                case SUBSCRIBE -> throw new MessageDeliveryException(
                        "the command side takes commands only; follow drafts on the query side's /ws");
                default -> { }
            }
            return message;
        }

        private void signIn(StompHeaderAccessor stomp) {
            String authorization = stomp.getFirstNativeHeader("Authorization");
            try {
                if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    stomp.setUser(bearer.authenticate(authorization.substring(7).strip()));
                } else if (stomp.getLogin() != null) {
                    stomp.setUser(accounts.authenticate(
                            UsernamePasswordAuthenticationToken.unauthenticated(stomp.getLogin(), stomp.getPasscode())));
                } else if (stomp.getUser() == null) {
                    throw new MessageDeliveryException(
                            "CONNECT needs an Authorization: Bearer header, or login and passcode");
                }
            } catch (AuthenticationException e) {
                throw new MessageDeliveryException("the credentials were refused: " + e.getMessage());
            }
        }
    }
}
