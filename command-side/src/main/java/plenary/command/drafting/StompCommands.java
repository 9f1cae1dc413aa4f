package plenary.command.drafting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import plenary.access.Identities;
import plenary.command.input.BadInput;
import plenary.drafting.DraftCommand;
import plenary.drafting.brackets.AcceptAlternative;
import plenary.drafting.brackets.BracketText;
import plenary.drafting.brackets.ProposeAlternative;
import plenary.drafting.paragraphs.ProposeParagraph;
import plenary.identity.Actor;


/**
 * The drafting commands over the STOMP connection a client already holds open: a SEND to
 * {@code /app/drafts/{draftId}/paragraphs}, {@code .../paragraphs/{paragraphId}/brackets},
 * {@code .../brackets/{bracketId}/alternatives} or {@code .../brackets/{bracketId}/accept}, with the body and the
 * {@code if-match} header the HTTP command takes, is handled by the same aggregate under the same rules, as the user
 * the connection signed in as. With a {@code receipt} header it is answered, once recorded or refused, by a RECEIPT
 * carrying {@code status} (the HTTP status the command would get) and {@code answer} (the HTTP answer's JSON body,
 * or its problem). The body is read with the HTTP side's field rules.
 */
@Controller
@MessageMapping("/drafts/{draftId}")
class StompCommands {

    private final CommandSender commands;
    private final RefusalAdvice refusals;
    private final MessageChannel clientOutbound;
    private final RequestMappingHandlerAdapter mvc;
    private volatile ObjectMapper checked;

    StompCommands(CommandSender commands, RefusalAdvice refusals,
                  @Lazy @Qualifier("clientOutboundChannel") MessageChannel clientOutbound,
                  @Lazy RequestMappingHandlerAdapter mvc) {
        this.commands = commands;
        this.refusals = refusals;
        this.clientOutbound = clientOutbound;
        this.mvc = mvc;
    }

    @MessageMapping("/paragraphs")
    void propose(@DestinationVariable String draftId, @Payload byte[] body, StompHeaderAccessor stomp) {
        handle(stomp, body, DraftCommandController.NewParagraph.class, HttpStatus.CREATED, "paragraphId",
                (p, actor) -> new ProposeParagraph(draftId, p.section(), p.after(), p.text(), actor));
    }

    @MessageMapping("/paragraphs/{paragraphId}/brackets")
    void bracket(@DestinationVariable String draftId, @DestinationVariable String paragraphId, @Payload byte[] body,
                 StompHeaderAccessor stomp) {
        handle(stomp, body, DraftCommandController.NewBracket.class, HttpStatus.CREATED, "bracketId", (b, actor) -> {
            int occurrence = b.occurrence() == null ? 1 : b.occurrence();
            if (occurrence < 1) {
                throw new Refusal.Invalid("occurrence counts from 1");
            }
            return new BracketText(draftId, paragraphId, b.quote(), occurrence, b.alternatives(), b.reason(), actor);
        });
    }

    @MessageMapping("/brackets/{bracketId}/alternatives")
    void alternative(@DestinationVariable String draftId, @DestinationVariable String bracketId,
                     @Payload byte[] body, StompHeaderAccessor stomp) {
        handle(stomp, body, DraftCommandController.NewAlternative.class, HttpStatus.CREATED, "alternativeId",
                (a, actor) -> new ProposeAlternative(draftId, bracketId, a.text(), actor));
    }

    @MessageMapping("/brackets/{bracketId}/accept")
    void accept(@DestinationVariable String draftId, @DestinationVariable String bracketId, @Payload byte[] body,
                StompHeaderAccessor stomp) {
        handle(stomp, body, DraftCommandController.Acceptance.class, HttpStatus.OK, null,
                (a, actor) -> new AcceptAlternative(draftId, bracketId, a.alternativeId(), actor));
    }

    interface Command<B> {
        DraftCommand of(B body, Actor actor);
    }

    private <B> void handle(StompHeaderAccessor stomp, byte[] body, Class<B> type, HttpStatus status, String idName,
                            Command<B> command) {
        Object answer;
        int answered;
        try {
            B read = read(body, type);
            Actor actor = Identities.actor((Authentication) stomp.getUser());
            Receipt receipt = commands.send(command.of(read, actor), stomp.getFirstNativeHeader("if-match"));
            answer = CommandSender.answer(receipt, idName);
            answered = status.value();
        } catch (RuntimeException e) {
            ProblemDetail problem = problem(e);
            answer = problem;
            answered = problem.getStatus();
        }
        answer(stomp, answered, answer);
    }

    private <B> B read(byte[] body, Class<B> type) {
        try {
            return json().readValue(body == null || body.length == 0 ? "{}".getBytes() : body, type);
        } catch (JsonProcessingException e) {
            throw new Unreadable(new HttpMessageNotReadableException(e.getOriginalMessage(), e, null));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("reading bytes in memory", e);
        }
    }

    /** The HTTP side's JSON reader, with its field rules and limits. */
    private ObjectMapper json() {
        ObjectMapper mapper = checked;
        if (mapper == null) {
            mapper = mvc.getMessageConverters().stream()
                    .filter(MappingJackson2HttpMessageConverter.class::isInstance)
                    .map(c -> ((MappingJackson2HttpMessageConverter) c).getObjectMapper()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no JSON converter"));
            checked = mapper;
        }
        return mapper;
    }

    private ProblemDetail problem(RuntimeException e) {
        if (e instanceof Unreadable unreadable) {
            return BadInput.of(unreadable.cause);
        }
        if (e instanceof Refusal refusal) {
            return refusals.refused(refusal);
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return refusals.unknownDraft(notFound);
        }
        if (e instanceof ConflictingAggregateVersionException stale) {
            return refusals.stale(stale);
        }
        if (e instanceof ConcurrencyException concurrent) {
            return refusals.concurrent(concurrent);
        }
        if (e instanceof IllegalArgumentException invalid) {
            return refusals.invalid(invalid);
        }
        // the HTTP answer's body, whether the advice answers a problem or an entity holding one (503 and its header)
        Object unexpected = refusals.unexpected(e);
        return unexpected instanceof ResponseEntity<?> entity ? (ProblemDetail) entity.getBody() : (ProblemDetail) unexpected;
    }

    /** Answers a command refused before it was read (too many in flight), if it asked for a receipt. */
    void refuse(StompHeaderAccessor asked, HttpStatus status, String detail) {
        answer(asked, status.value(), ProblemDetail.forStatusAndDetail(status, detail));
    }

    private void answer(StompHeaderAccessor asked, int status, Object body) {
        if (asked.getReceipt() == null) {
            return;
        }
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(asked.getReceipt());
        receipt.setSessionId(asked.getSessionId());
        receipt.setNativeHeader("status", String.valueOf(status));
        try {
            receipt.setNativeHeader("answer", json().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer is plain JSON", e);
        }
        clientOutbound.send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    /** A body that cannot be read, as the HTTP side would report it. */
    private static final class Unreadable extends RuntimeException {
        final HttpMessageNotReadableException cause;

        Unreadable(HttpMessageNotReadableException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
