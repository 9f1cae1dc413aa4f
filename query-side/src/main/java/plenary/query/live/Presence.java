package plenary.query.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import plenary.identity.Actor;
import plenary.identity.Role;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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
 * <p>
 * Behind a relay ({@link LiveRelay}) each node still tracks its own connections here, but a room's list is the one
 * all nodes keep in {@link SharedRooms}, and a node's beat, once a second, also sweeps the members of dead nodes out
 * of their rooms. A new listener to presence then gets the room straight from this node, since a broadcast through
 * the broker could overtake its SUBSCRIBE there.
 */
@Component
class Presence {

    /** One connection in a room: who, and the paragraph in focus (null for none). */
    record Member(String user, String delegation, Role role, String paragraphId) {
    }

    /**
     * {@code change} is JOINED, LEFT or FOCUSED, with the member it concerns; null when a listener just arrived.
     * {@code revision} grows with every broadcast of the room, across the nodes: a client keeps the room of the
     * highest revision it has seen on its connection, since broadcasts from two nodes may cross.
     */
    record Update(String draftId, String change, Member member, List<Member> present, long revision) {
    }

    /** A room's members and its revision. */
    record Room(long revision, List<Member> present) {
    }

    private static final Pattern PARAGRAPH_ID = Pattern.compile("[\\w.-]{1,64}");

    /** The latest change waiting for its room's next broadcast. */
    private record Pending(String change, Member member) {
    }

    private static final Logger log = LoggerFactory.getLogger(Presence.class);

    private final SimpMessageSendingOperations broker;
    private final SharedRooms shared;
    private final MessageChannel clients;
    private final ObjectMapper json;
    private final long interval;
    private final ScheduledExecutorService coalescer =
            Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("presence-"));
    /** draft → when its room was last broadcast (System.nanoTime) */
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();
    /** draft → its room's latest revision, without a relay (behind one, {@link SharedRooms} counts) */
    private final Map<String, Long> revisions = new HashMap<>();
    /** draft → session → member, in order of arrival */
    private final Map<String, Map<String, Member>> rooms = new HashMap<>();
    /** session → subscription → draft, to know when a session has left a room */
    private final Map<String, Map<String, String>> subscriptions = new HashMap<>();

    Presence(@Lazy @Qualifier("brokerMessagingTemplate") SimpMessageSendingOperations broker, LiveLimits limits,
             Optional<SharedRooms> shared, @Lazy @Qualifier("clientOutboundChannel") MessageChannel clients,
             ObjectMapper json) {
        this.broker = broker;
        this.interval = limits.presenceInterval().toNanos();
        this.shared = shared.orElse(null);
        this.clients = clients;
        this.json = json;
        if (this.shared != null) {
            coalescer.scheduleWithFixedDelay(this::beat, 0, 1, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        coalescer.shutdownNow();
        if (shared != null) {
            quietly(shared::leaveAll);
        }
    }

    /** Shows this node alive, writes its members again if others had taken it for dead, and sweeps the dead. */
    private synchronized void beat() {
        quietly(() -> {
            if (shared.beat()) {
                rooms.forEach((draftId, room) -> room.forEach((session, member) ->
                        shared.arrived(session, draftId, member)));
                rooms.keySet().forEach(draftId -> publish(draftId, null, null));
            }
            for (SharedRooms.Departure gone : shared.sweep()) {
                publish(gone.draftId(), "LEFT", gone.member());
            }
        });
    }

    /** The database may be down: presence then lags, and the live channel goes on. */
    private static void quietly(Runnable sharing) {
        try {
            sharing.run();
        } catch (RuntimeException e) {
            log.warn("shared presence unavailable: {}", e.toString());
        }
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
            if (shared != null) {
                quietly(() -> shared.arrived(session, draftId, member));
            }
            publish(draftId, "JOINED", member);
        } else if (toPresence && shared == null) {
            publish(draftId, null, null);
        }
        if (toPresence && shared != null) {
            sendTo(session, subscription, draftId);
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
        if (shared != null) {
            quietly(() -> shared.focused(session, draftId, paragraphId));
        }
        publish(draftId, "FOCUSED", focused);
    }

    private void leave(String session, String draftId) {
        Map<String, Member> room = rooms.get(draftId);
        Member member = room.remove(session);
        if (room.isEmpty()) {
            rooms.remove(draftId);
        }
        if (shared != null) {
            quietly(() -> shared.left(session, draftId));
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
        Room room = room(draftId, true);
        List<Member> present = room.present();
        broker.convertAndSend(topic(draftId), new Update(draftId, change, member, present, room.revision()));
        if (present.isEmpty()) {
            lastSent.remove(draftId); // an empty room is forgotten
        } else {
            lastSent.put(draftId, System.nanoTime());
        }
    }

    private Room room(String draftId, boolean advance) {
        if (shared != null) {
            try {
                return shared.room(draftId, advance);
            } catch (RuntimeException e) {
                log.warn("shared presence unavailable, sending this node's members only: {}", e.toString());
            }
        }
        long revision = advance ? revisions.merge(draftId, 1L, Long::sum) : revisions.getOrDefault(draftId, 0L);
        return new Room(revision, new ArrayList<>(rooms.getOrDefault(draftId, Map.of()).values()));
    }

    /** The room, to one new listener only. */
    private void sendTo(String session, String subscription, String draftId) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.MESSAGE);
        headers.setSessionId(session);
        headers.setSubscriptionId(subscription);
        headers.setDestination(topic(draftId));
        headers.setMessageId(UUID.randomUUID().toString());
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        try {
            Room room = room(draftId, false);
            byte[] body = json.writeValueAsBytes(new Update(draftId, null, null, room.present(), room.revision()));
            clients.send(MessageBuilder.createMessage(body, headers.getMessageHeaders()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
