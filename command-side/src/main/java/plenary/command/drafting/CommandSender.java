package plenary.command.drafting;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import plenary.command.store.ExpectedVersion;
import plenary.drafting.DraftCommand;
import plenary.record.HashChain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends a drafting command and waits for its answer, carrying the sender's If-Match version when given. Commands go
 * through the draft's {@link GroupCommit}, except one sent inside a transaction of the caller's (an idempotent
 * request's): that one must commit with the caller's work, so it is handled in the caller's transaction as it is.
 */
@Component
class CommandSender {

    private final CommandGateway commands;
    private final GroupCommit group;
    private final EventStore events;

    CommandSender(CommandGateway commands, GroupCommit group, EventStore events) {
        this.commands = commands;
        this.group = group;
        this.events = events;
    }

    Receipt send(DraftCommand command, IfMatch ifMatch) {
        return (Receipt) dispatch(command, ifMatch);
    }

    /** A command whose If-Match came another way than an HTTP header (a STOMP frame's {@code if-match}). */
    Receipt send(DraftCommand command, String ifMatch) {
        return send(command, IfMatch.of(ifMatch));
    }

    /** Creating handlers answer the new draft's id; the others a {@link Receipt}. */
    Object dispatch(DraftCommand command, IfMatch ifMatch) {
        MetaData meta = MetaData.emptyInstance();
        if (ifMatch != null && ifMatch.version() != null) {
            meta = meta.and(ExpectedVersion.METADATA_KEY, ifMatch.version());
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(meta);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return commands.sendAndWait(message);
        }
        return group.send(command.draftId(), message);
    }

    /**
     * The signed checkpoint that the event at {@code version} carries in its metadata (the events that issue a text
     * do: a revision, the final text, a corrigendum), or null.
     */
    String checkpointOf(String draftId, long version) {
        DomainEventStream stream = events.readEvents(draftId, version - 1);
        if (!stream.hasNext() || stream.peek().getSequenceNumber() != version - 1) {
            return null;
        }
        Object note = stream.next().getMetaData().get(HashChain.CHECKPOINT_KEY);
        return note == null ? null : note.toString();
    }

    /** The answer body: the new id under its name, when the command made one, and the version. */
    static Map<String, Object> answer(Receipt receipt, String idName) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (idName != null) {
            body.put(idName, receipt.id());
        }
        body.put("version", receipt.version());
        return body;
    }
}
