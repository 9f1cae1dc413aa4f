package plenary.query.live;

import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

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

    private final SimpMessagingTemplate broker;

    public LiveChannel(SimpMessagingTemplate broker) {
        this.broker = broker;
    }

    public static String topic(String draftId) {
        return "/topic/drafts." + draftId;
    }

    public void afterCommit(Change change) {
        if (CurrentUnitOfWork.isStarted()) {
            if (ReplayToken.isReplay(CurrentUnitOfWork.get().getMessage())) {
                return;
            }
            CurrentUnitOfWork.get().afterCommit(uow -> send(change));
        } else {
            send(change);
        }
    }

    private void send(Change change) {
        broker.convertAndSend(topic(change.draftId()), change);
    }
}
