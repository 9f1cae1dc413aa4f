package plenary.query.live;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Sends a draft's changes to {@code /topic/drafts.{draftId}} once the projection that recorded them has
 * committed, so a client never sees a version that the read model cannot yet serve. A rebuild replays old
 * events: nothing new happened, so nothing is sent.
 */
@Component
public class LiveChannel {

    public interface Change {
        String draftId();

        /** Unique among the draft's messages: the STOMP message-id every subscriber gets. */
        String messageId();
    }

    private static final String UNSENT = LiveChannel.class.getName() + ".unsent";
    private static final Logger log = LoggerFactory.getLogger(LiveChannel.class);

    private final SimpMessagingTemplate broker;
    private final Lanes lanes;
    private final SubscriptionRegistry subscriptions;
    private final ObjectWriter json;

    /** Through Spring's broker only: each client's copy encoded on its own. */
    public LiveChannel(SimpMessagingTemplate broker) {
        this.broker = broker;
        this.lanes = null;
        this.subscriptions = null;
        this.json = null;
    }

    /**
     * With the in-memory broker, a change is encoded once and written by the {@link Lanes}; with a broker relay
     * (several query sides), it goes through the relay.
     */
    @Autowired
    LiveChannel(SimpMessagingTemplate broker, Lanes lanes,
                @Qualifier("simpleBrokerMessageHandler") ObjectProvider<AbstractBrokerMessageHandler> simple,
                ObjectMapper json) {
        this.broker = broker;
        // Spring declares this bean as AbstractBrokerMessageHandler (null, a NullBean, behind a relay), so a lookup
        // by the type SimpleBrokerMessageHandler finds nothing: look it up by name and check what it is
        SimpleBrokerMessageHandler handler = simple.getIfAvailable() instanceof SimpleBrokerMessageHandler s ? s : null;
        this.lanes = handler == null ? null : lanes;
        this.subscriptions = handler == null ? null : handler.getSubscriptionRegistry();
        // ASCII, non-ASCII characters escaped: each client's copy is then a Latin-1 string, which Java copies and
        // Tomcat writes far faster than UTF-16 (the texts have typographic quotes, and other scripts)
        this.json = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    }

    public static String topic(String draftId) {
        return "/topic/drafts." + draftId;
    }

    /**
     * Sends the change after the current unit of work commits, after the changes recorded before it. A batch's
     * changes go out together, in order: Axon runs after-commit handlers in reverse order of registration.
     */
    public void afterCommit(Change change) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(change);
            return;
        }
        if (ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage())) {
            return;
        }
        UnitOfWork<?> uow = CurrentUnitOfWork.get().root();
        uow.getOrComputeResource(UNSENT, key -> {
            List<Change> unsent = new ArrayList<>();
            uow.afterCommit(u -> unsent.forEach(this::send));
            return unsent;
        }).add(change);
    }

    private void send(Change change) {
        if (lanes == null) {
            try {
                broker.convertAndSend(topic(change.draftId()), change);
            } catch (MessageDeliveryException e) {
                // the broker behind the relay is away: its clients were told, and catch up from /events once back
                log.warn("change {} of draft {} not sent live: {}", change.messageId(), change.draftId(), e.getMessage());
            }
            return;
        }
        try {
            lanes.publish(subscriptions, topic(change.draftId()), change.messageId(), json.writeValueAsBytes(change));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a change of draft " + change.draftId(), e);
        }
    }
}
