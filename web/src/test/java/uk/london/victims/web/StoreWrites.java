package uk.london.victims.web;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Each write command the service sends, with whether it asked the store to wait for it ({@code j: false} says not:
 * ADR 0014, 0054), what sent it, and the processor whose token it writes, if any.
 */
final class StoreWrites implements CommandListener {

    private static final List<String> WRITES = List.of("insert", "update", "delete", "findAndModify");
    private static final StackWalker STACK = StackWalker.getInstance();

    /** One write command. {@code sender} is the first of the service's classes on the stack, if any. */
    record Write(String collection, boolean awaited, String sender, Optional<String> processor) {
    }

    private final List<Write> seen = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = command.getFirstKey();
        if (!WRITES.contains(name)) {
            return;
        }
        BsonDocument concern = command.getDocument("writeConcern", new BsonDocument());
        boolean awaited = !(concern.isBoolean("j") && !concern.getBoolean("j").getValue());
        String sender = STACK.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(c -> c.startsWith("uk.london.victims.") && !c.startsWith("uk.london.victims.web.StoreWrites"))
                .findFirst().orElse("elsewhere"));
        seen.add(new Write(command.getString(name).getValue(), awaited, sender, processor(command)));
    }

    /** The processor named in a token write's statements, documents or query. */
    private static Optional<String> processor(BsonDocument command) {
        return Stream.of("updates", "deletes", "documents")
                .filter(command::isArray)
                .flatMap(key -> command.getArray(key).stream().map(BsonValue::asDocument)
                        .map(statement -> statement.containsKey("q") ? statement.getDocument("q") : statement))
                .findFirst()
                .or(() -> Optional.ofNullable(command.getDocument("query", null)))
                .filter(filter -> filter.isString("processorName"))
                .map(filter -> filter.getString("processorName").getValue());
    }

    List<Write> seen() {
        return List.copyOf(seen);
    }
}
