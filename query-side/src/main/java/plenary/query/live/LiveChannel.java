package plenary.query.live;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.messaging.simp.SimpMessagingTemplate;
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
    }

    private static final String UNSENT = LiveChannel.class.getName() + ".unsent";

    private final SimpMessagingTemplate broker;

    public LiveChannel(SimpMessagingTemplate broker) {
        this.broker = broker;
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
        broker.convertAndSend(topic(change.draftId()), change);
    }
}
