package plenary.command.drafting;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import plenary.access.BearerTokens;
import plenary.access.WebOrigins;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command side's STOMP endpoint, {@code /ws}: commands only ({@link StompCommands}); drafts are followed on
 * the query side. A connection signs in once, in CONNECT ({@code Authorization: Bearer <token>}, or an account's
 * {@code login} and {@code passcode}), and every command on it acts as that user. Commands are handled on a pool
 * as wide as the writers one draft's group commit can batch, since each waits there until its batch commits.
 * A connection that signed in with a token acts only while the token is valid, as HTTP would take it; and it has
 * at most {@code plenary.limits.stomp-in-flight} commands waiting or running at once: the next is answered 429
 * at once instead of queued, so that one connection cannot fill the pool's queue (and the heap) with commands.
 */
@Configuration
@EnableWebSocketMessageBroker
class CommandChannelConfig implements WebSocketMessageBrokerConfigurer {

    /** How late a token may still be taken: Spring's {@code JwtTimestampValidator}'s, as over HTTP. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final String IN_FLIGHT = "plenary.commandsInFlight";

    private final AuthenticationManager accounts;
    private final BearerTokens bearer;
    private final WebOrigins origins;
    private final StompCommands commands;
    private final int maxInFlight;

    CommandChannelConfig(@Qualifier("authenticationManager") AuthenticationManager accounts, BearerTokens bearer,
                         WebOrigins origins, @Lazy StompCommands commands,
                         @Value("${plenary.limits.stomp-in-flight:128}") int maxInFlight) {
        this.accounts = accounts;
        this.bearer = bearer;
        this.origins = origins;
        this.commands = commands;
        this.maxInFlight = maxInFlight;
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

    /**
     * Signs the connection in at CONNECT; refuses anything but commands from a signed-in connection whose token, if
     * it signed in with one, is still valid; answers 429 to a command past the connection's commands in flight.
     */
    private final class SignIn implements ExecutorChannelInterceptor {
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
                    Instant expired = expiredAt(stomp.getUser());
                    if (expired != null) {
                        throw new MessageDeliveryException("the token this connection signed in with expired at "
                                + expired + "; connect again with a fresh one");
                    }
                    AtomicInteger inFlight = inFlight(stomp.getSessionAttributes());
                    if (inFlight != null && inFlight.incrementAndGet() > maxInFlight) {
                        inFlight.decrementAndGet();
                        commands.refuse(stomp, HttpStatus.TOO_MANY_REQUESTS, "more than " + maxInFlight
                                + " commands of this connection are waiting or running "
                                + "(plenary.limits.stomp-in-flight); send it again once receipts come back");
                        return null;
                    }
                }
                case SUBSCRIBE -> throw new MessageDeliveryException(
                        "the command side takes commands only; follow drafts on the query side's /ws");
                default -> { }
            }
            return message;
        }

        /** Every message goes to each handler of the channel; the annotated methods' one ends a command. */
        @Override
        public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                        Exception ex) {
            if (handler instanceof SimpAnnotationMethodMessageHandler
                    && SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.MESSAGE) {
                AtomicInteger inFlight = inFlight(SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders()));
                if (inFlight != null) {
                    inFlight.decrementAndGet();
                }
            }
        }

        private static AtomicInteger inFlight(Map<String, Object> session) {
            return session == null ? null
                    : (AtomicInteger) session.computeIfAbsent(IN_FLIGHT, key -> new AtomicInteger());
        }

        /** When the token the connection signed in with expired, if it has (null: valid, or no token). */
        private static Instant expiredAt(Principal user) {
            Instant expires = user instanceof JwtAuthenticationToken jwt ? jwt.getToken().getExpiresAt() : null;
            return expires != null && Instant.now().isAfter(expires.plus(CLOCK_SKEW)) ? expires : null;
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
