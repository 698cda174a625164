package uk.london.victims.web;

import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.mongodb.client.model.IndexModel;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Every query shape the service's own code sends to the store while tests run, and which declared index
 * (ADR 0030) serves each: a query that none serves would scan its whole collection on MongoDB.
 *
 * <p>Captured from the driver's command stream, so nothing has to list queries by hand: a new query in the
 * code is seen the first time a test makes the service issue it. Commands issued from test classes are
 * left out; what the service's classes (or Axon's, on their behalf) send is kept. One recorder for the
 * whole test JVM, so the shapes of every Spring context that imports {@link Recording} add up.
 */
public final class StoreQueries implements CommandListener {

    /** The recorder every importing context registers with its MongoClient. */
    public static final StoreQueries RECORDED = new StoreQueries();

    private static final Set<String> QUERYING_COMMANDS = Set.of("find", "aggregate", "findAndModify", "update", "delete",
            "count", "distinct");
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    private StoreQueries() {
    }

    /** Imported by the service tests' contexts: the recorder as a command listener of the service's client. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {
        @Bean
        CommandListener storeQueryRecorder() {
            return RECORDED;
        }
    }

    /**
     * One kind of query: the collection, how each field is filtered, the sort, where the code sends it from,
     * and one command that had this shape (for {@code explain} on MongoDB).
     */
    public record Shape(String collection, Map<String, Use> fields, Map<String, Integer> sort, boolean limited,
                        String site, String database, BsonDocument example) {

        String key() {
            if (fields.get("_id") == Use.EQUALITY) {
                // By _id whatever else it checks (a version, a member): one shape, not one per document field.
                return collection + " _id";
            }
            return collection + " " + fields + " sort " + sort + (limited && fields.isEmpty() ? " limit" : "");
        }

        @Override
        public String toString() {
            return collection + " filter " + fields + (sort.isEmpty() ? "" : " sort " + sort) + " (from " + site + ")";
        }
    }

    /** How a query uses a field. */
    public enum Use {
        /** equality or {@code $in}: an index can seek on it */
        EQUALITY,
        /** {@code $gt}, {@code $lte} and kin: an index can scan a range of it */
        RANGE,
        /** {@code $exists}, {@code $ne}, {@code $or} and the rest: filtered after the index, never led by it */
        OTHER
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!QUERYING_COMMANDS.contains(event.getCommandName())) {
            return;
        }
        Optional<StackWalker.StackFrame> caller = STACK.walk(frames -> frames
                .filter(frame -> !isDriverOrJdk(frame.getClassName()) && frame.getDeclaringClass() != StoreQueries.class)
                .findFirst());
        if (caller.isEmpty() || isTestClass(caller.get().getDeclaringClass())) {
            return;
        }
        String site = caller.get().getClassName().replaceAll(".*\\.", "") + "." + caller.get().getMethodName() + ":"
                      + caller.get().getLineNumber();
        for (Shape shape : shapes(event.getCommand(), event.getDatabaseName(), site)) {
            shapes.putIfAbsent(shape.key(), shape);
        }
    }

    /** Every shape recorded so far, in a stable order. */
    public List<Shape> shapes() {
        return new TreeMap<>(shapes).values().stream().toList();
    }

    /** The recorded shapes that no declared index (nor {@code _id}'s) serves. */
    public List<Shape> withoutIndex(Map<String, List<IndexModel>> declared) {
        return shapes().stream().filter(shape -> servedBy(shape, declared).isEmpty()).toList();
    }

    /** The name of the index that serves the shape: {@code _id_}, a declared one, or none. */
    public static Optional<String> servedBy(Shape shape, Map<String, List<IndexModel>> declared) {
        Use id = shape.fields().get("_id");
        if (id == Use.EQUALITY || id == Use.RANGE) {
            return Optional.of("_id_");
        }
        if (shape.fields().isEmpty() && shape.sort().isEmpty() && shape.limited()) {
            // "Any one document" (first() on no filter) reads one document whichever way it goes.
            return Optional.of("(any document)");
        }
        for (IndexModel index : declared.getOrDefault(shape.collection(), List.of())) {
            List<Map.Entry<String, Integer>> keys = keys(index);
            if (leads(keys.get(0).getKey(), shape) && givesOrder(keys, shape)) {
                return Optional.of(index.getOptions().getName());
            }
        }
        return Optional.empty();
    }

    private static boolean leads(String field, Shape shape) {
        Use use = shape.fields().get(field);
        if (use == Use.EQUALITY || use == Use.RANGE) {
            return true;
        }
        // With nothing to seek on, an index in the sort's order still reads only as many entries as the limit.
        boolean nothingToSeek = shape.fields().values().stream().noneMatch(u -> u != Use.OTHER);
        return nothingToSeek && !shape.sort().isEmpty() && shape.sort().keySet().iterator().next().equals(field);
    }

    /** The index returns documents in the sort's order (or its reverse), so the store never sorts them itself. */
    private static boolean givesOrder(List<Map.Entry<String, Integer>> keys, Shape shape) {
        if (shape.sort().isEmpty()) {
            return true;
        }
        int i = 0;
        while (i < keys.size() && shape.fields().get(keys.get(i).getKey()) == Use.EQUALITY
               && !shape.sort().containsKey(keys.get(i).getKey())) {
            i++;
        }
        List<Map.Entry<String, Integer>> sort = new ArrayList<>(shape.sort().entrySet());
        if (keys.size() - i < sort.size()) {
            return false;
        }
        Integer direction = null;
        for (int s = 0; s < sort.size(); s++, i++) {
            Map.Entry<String, Integer> key = keys.get(i);
            if (!key.getKey().equals(sort.get(s).getKey())) {
                return false;
            }
            int same = Integer.signum(key.getValue()) * Integer.signum(sort.get(s).getValue());
            if (direction != null && direction != same) {
                return false;
            }
            direction = same;
        }
        return true;
    }

    private static List<Map.Entry<String, Integer>> keys(IndexModel index) {
        BsonDocument keys = index.getKeys().toBsonDocument();
        return keys.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().asNumber().intValue())).toList();
    }

    /** The shapes in one command: a bulk update or delete carries one per statement. */
    static List<Shape> shapes(BsonDocument command, String database, String site) {
        String name = command.getFirstKey();
        List<Shape> found = new ArrayList<>();
        switch (name) {
            case "find" -> found.add(shape(command.getString("find").getValue(), doc(command, "filter"), doc(command, "sort"),
                    command.containsKey("limit"), site, database, command));
            case "findAndModify" -> found.add(shape(command.getString("findAndModify").getValue(), doc(command, "query"),
                    doc(command, "sort"), true, site, database, command));
            // A count with no query is answered from the collection's metadata (estimatedDocumentCount).
            case "count", "distinct" -> found.add(shape(command.getString(name).getValue(), doc(command, "query"),
                    new BsonDocument(), name.equals("count") && doc(command, "query").isEmpty(), site, database, command));
            case "aggregate" -> {
                if (command.isString("aggregate")) {
                    BsonArray pipeline = command.getArray("pipeline");
                    BsonDocument match = stage(pipeline, 0, "$match");
                    BsonDocument sort = stage(pipeline, match.isEmpty() ? 0 : 1, "$sort");
                    found.add(shape(command.getString("aggregate").getValue(), match, sort, false, site, database, command));
                }
            }
            case "update", "delete" -> {
                String statements = name.equals("update") ? "updates" : "deletes";
                for (BsonValue statement : command.getArray(statements, new BsonArray())) {
                    BsonDocument single = new BsonDocument(name, command.get(name))
                            .append(statements, new BsonArray(List.of(statement)));
                    found.add(shape(command.getString(name).getValue(), doc(statement.asDocument(), "q"), new BsonDocument(),
                            false, site, database, single));
                }
            }
            default -> {
            }
        }
        return found;
    }

    private static Shape shape(String collection, BsonDocument filter, BsonDocument sort, boolean limited, String site,
                               String database, BsonDocument command) {
        Map<String, Use> fields = new TreeMap<>();
        uses(filter, fields);
        Map<String, Integer> order = new LinkedHashMap<>();
        sort.forEach((field, direction) -> order.put(field, direction.isNumber() ? direction.asNumber().intValue() : 1));
        return new Shape(collection, fields, order, limited, site, database, explainable(command));
    }

    private static void uses(BsonDocument filter, Map<String, Use> fields) {
        filter.forEach((field, value) -> {
            if (field.equals("$and")) {
                value.asArray().forEach(part -> uses(part.asDocument(), fields));
            } else if (field.startsWith("$")) {
                // $or, $nor, $expr: an index serves them only branch by branch; none of the code needs that.
                Map<String, Use> inside = new TreeMap<>();
                if (value.isArray()) {
                    value.asArray().stream().filter(BsonValue::isDocument).forEach(part -> uses(part.asDocument(), inside));
                }
                inside.keySet().forEach(name -> fields.merge(name, Use.OTHER, StoreQueries::weaker));
            } else {
                fields.merge(field, use(value), StoreQueries::weaker);
            }
        });
    }

    private static Use use(BsonValue value) {
        if (!value.isDocument() || value.asDocument().isEmpty() || !value.asDocument().getFirstKey().startsWith("$")) {
            return Use.EQUALITY;
        }
        Use use = null;
        for (String operator : value.asDocument().keySet()) {
            Use one = switch (operator) {
                case "$eq", "$in" -> Use.EQUALITY;
                case "$gt", "$gte", "$lt", "$lte" -> Use.RANGE;
                default -> Use.OTHER;
            };
            use = use == null ? one : weaker(use, one);
        }
        return use;
    }

    private static Use weaker(Use a, Use b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** The command as {@code explain} accepts it: no session, cluster time, write concern or database field. */
    private static BsonDocument explainable(BsonDocument command) {
        // The driver's document is a read-only view of its buffer, valid only during the event: copy it.
        BsonDocument copy = BsonDocument.parse(command.toJson());
        for (String field : List.of("$db", "lsid", "$clusterTime", "txnNumber", "writeConcern", "readConcern",
                "$readPreference", "ordered", "bypassDocumentValidation")) {
            copy.remove(field);
        }
        return copy;
    }

    private static BsonDocument doc(BsonDocument command, String field) {
        return command.isDocument(field) ? command.getDocument(field) : new BsonDocument();
    }

    private static BsonDocument stage(BsonArray pipeline, int index, String name) {
        if (pipeline.size() > index && pipeline.get(index).asDocument().containsKey(name)) {
            return pipeline.get(index).asDocument().getDocument(name);
        }
        return new BsonDocument();
    }

    private static boolean isDriverOrJdk(String className) {
        return className.startsWith("com.mongodb.") || className.startsWith("java.") || className.startsWith("jdk.")
               || className.startsWith("sun.");
    }

    private static boolean isTestClass(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
        // A module's test classes, from the reactor's directory or from its test-jar.
        return location.contains("/test-classes/") || location.endsWith("-tests.jar");
    }

    /**
     * Fails, naming each query and where the code sends it from, unless every shape recorded so far is
     * served by {@code _id} or a declared index; and unless the tests made the service send the queries named.
     */
    public static void assertEachServedBy(Map<String, List<IndexModel>> declared, String... collectionsQueried) {
        List<Shape> seen = RECORDED.shapes();
        if (collectionsQueried.length > 0) {
            org.assertj.core.api.Assertions.assertThat(seen).as("query shapes recorded:%s", describe(seen))
                    .extracting(Shape::collection).contains(collectionsQueried);
        }
        org.assertj.core.api.Assertions.assertThat(RECORDED.withoutIndex(declared))
                .as("queries no declared index serves (declare one in StoreIndexes or ProjectionIndexes, ADR 0030)")
                .isEmpty();
    }

    /** A readable list for a failure message. */
    public static String describe(List<Shape> shapes) {
        return shapes.stream().map(Shape::toString).collect(Collectors.joining("\n  ", "\n  ", "\n"));
    }

    /** Keys of a declared index, for messages. */
    static String keysOf(IndexModel index) {
        return Document.parse(index.getKeys().toBsonDocument().toJson()).toJson();
    }
}
