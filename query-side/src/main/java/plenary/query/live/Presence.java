package plenary.query.live;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import plenary.identity.Actor;
import plenary.identity.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Who is in each draft's room, and which paragraph each has in focus. A connection is in the room while it
 * subscribes to one of the draft's topics. Every arrival, departure and change of focus goes to
 * {@code /topic/drafts.{d}.presence} with the whole list, so a client simply shows the latest message; a
 * connection that starts listening to presence gets the list at once. Presence is ephemeral: it lives in this
 * process's memory and is never an event of the record.
 * <p>
 * Broadcasts are coalesced per room: at most one every {@code plenary.live.presence-interval} (250 ms); changes in
 * between are sent once, as the latest list with the latest change. Since every message carries the whole room,
 * nothing is lost, and a client that SUBSCRIBEs and UNSUBSCRIBEs in a loop can no longer make every other client
 * receive the room on every frame.
 */
@Component
class Presence {

    /** One connection in a room: who, and the paragraph in focus (null for none). */
    record Member(String user, String delegation, Role role, String paragraphId) {
    }

    /** {@code change} is JOINED, LEFT or FOCUSED, with the member it concerns; null when a listener just arrived. */
    record Update(String draftId, String change, Member member, List<Member> present) {
    }

    private static final Pattern PARAGRAPH_ID = Pattern.compile("[\\w.-]{1,64}");

    /** The latest change waiting for its room's next broadcast. */
    private record Pending(String change, Member member) {
    }

    private final SimpMessageSendingOperations broker;
    private final long interval;
    private final ScheduledExecutorService coalescer =
            Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("presence-"));
    /** draft → when its room was last broadcast (System.nanoTime) */
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    /** draft → session → member, in order of arrival */
    private final Map<String, Map<String, Member>> rooms = new HashMap<>();
    /** session → subscription → draft, to know when a session has left a room */
    private final Map<String, Map<String, String>> subscriptions = new HashMap<>();

    Presence(@Lazy @Qualifier("brokerMessagingTemplate") SimpMessageSendingOperations broker, LiveLimits limits) {
        this.broker = broker;
        this.interval = limits.presenceInterval().toNanos();
    }

    @PreDestroy
    void stop() {
        coalescer.shutdownNow();
    }

    static String topic(String draftId) {
        return LiveChannel.topic(draftId) + ".presence";
    }

    synchronized void subscribed(String session, String subscription, String draftId, boolean toPresence,
                                 Actor actor) {
        boolean arriving = !subscriptions.computeIfAbsent(session, s -> new HashMap<>()).containsValue(draftId);
        subscriptions.get(session).put(subscription, draftId);
        Map<String, Member> room = rooms.computeIfAbsent(draftId, d -> new LinkedHashMap<>());
        if (arriving) {
            Member member = new Member(actor.user(), actor.delegation(), actor.role(), null);
            room.put(session, member);
            publish(draftId, "JOINED", member);
        } else if (toPresence) {
            publish(draftId, null, null);
        }
    }

    synchronized void unsubscribed(String session, String subscription) {
        Map<String, String> ofSession = subscriptions.getOrDefault(session, Map.of());
        String draftId = ofSession.get(subscription);
        if (draftId != null) {
            ofSession.remove(subscription);
            if (!ofSession.containsValue(draftId)) {
                leave(session, draftId);
            }
        }
    }

    synchronized void disconnected(String session) {
        Map<String, String> ofSession = subscriptions.remove(session);
        if (ofSession != null) {
            Set.copyOf(ofSession.values()).forEach(draftId -> leave(session, draftId));
        }
    }

    /** A focus from a connection outside the room, or on something that is no paragraph id, changes nothing. */
    synchronized void focused(String session, String draftId, String paragraphId) {
        Member member = rooms.getOrDefault(draftId, Map.of()).get(session);
        if (member == null || (paragraphId != null && !PARAGRAPH_ID.matcher(paragraphId).matches())) {
            return;
        }
        Member focused = new Member(member.user(), member.delegation(), member.role(), paragraphId);
        rooms.get(draftId).put(session, focused);
        publish(draftId, "FOCUSED", focused);
    }

    private void leave(String session, String draftId) {
        Map<String, Member> room = rooms.get(draftId);
        Member member = room.remove(session);
        if (room.isEmpty()) {
            rooms.remove(draftId);
        }
        publish(draftId, "LEFT", member);
    }

    /**
     * Broadcasts the room now, or, within the interval after its last broadcast, once the interval is over with the
     * latest change. Sent while holding the lock, so that every listener gets the lists in the order they changed.
     */
    private void publish(String draftId, String change, Member member) {
        Long last = lastSent.get(draftId);
        if (!pending.containsKey(draftId) && (last == null || System.nanoTime() - last >= interval)) {
            send(draftId, change, member);
            return;
        }
        if (pending.put(draftId, new Pending(change, member)) == null) {
            long wait = last == null ? 0 : Math.max(0, last + interval - System.nanoTime());
            coalescer.schedule(() -> flush(draftId), wait, TimeUnit.NANOSECONDS);
        }
    }

    private synchronized void flush(String draftId) {
        Pending latest = pending.remove(draftId);
        if (latest != null) {
            send(draftId, latest.change(), latest.member());
        }
    }

    private void send(String draftId, String change, Member member) {
        List<Member> present = new ArrayList<>(rooms.getOrDefault(draftId, Map.of()).values());
        broker.convertAndSend(topic(draftId), new Update(draftId, change, member, present));
        if (present.isEmpty()) {
            lastSent.remove(draftId); // an empty room is forgotten
        } else {
            lastSent.put(draftId, System.nanoTime());
        }
    }
}
