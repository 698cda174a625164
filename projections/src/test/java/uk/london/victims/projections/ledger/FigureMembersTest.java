package uk.london.victims.projections.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A figure document's members as bytes (ADR 0058) read back to the same cases and versions, and old documents still read. */
class FigureMembersTest {

    @Property(tries = 300)
    void membersWrittenAsBytesReadBackTheSame(@ForAll("members") Map<String, Long> members) {
        Binary stored = FigureMembers.encode(members);
        Map<String, Long> read = new LinkedHashMap<>();
        FigureMembers.readInto(stored, read);

        assertThat(read).isEqualTo(members);
        assertThat(FigureMembers.count(stored)).isEqualTo(members.size());
        // In case id order, so that a document written again from what it read is the same bytes.
        assertThat(read.keySet()).containsExactlyElementsOf(new TreeMap<>(members).keySet());
    }

    @Test
    void membersStoredAsANestedDocumentBeforeTheBytesStillRead() {
        Document stored = new Document("case-00000002", 4).append("case-00000001", 7L);
        Map<String, Long> read = new TreeMap<>();
        FigureMembers.readInto(stored, read);

        assertThat(read).containsExactly(Map.entry("case-00000001", 7L), Map.entry("case-00000002", 4L));
        assertThat(FigureMembers.count(stored)).isEqualTo(2);
    }

    @Test
    void idsSharingALongPrefixTakeFewBytes() {
        Map<String, Long> sequential = new TreeMap<>();
        for (int i = 0; i < 500; i++) {
            sequential.put(String.format("bench-%08d", i), (long) i % 40);
        }
        // Each id shares all but its last digits with the one before: a few bytes each, not a BSON field's 20.
        assertThat(FigureMembers.encode(sequential).length()).isLessThan(500 * 6);
    }

    @Provide
    Arbitrary<Map<String, Long>> members() {
        Arbitrary<String> uuid = Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
        Arbitrary<String> sequential = Arbitraries.integers().between(0, 99_999).map(n -> String.format("case-%08d", n));
        Arbitrary<String> any = Arbitraries.strings().withChars("abcAB019-é").ofMinLength(0).ofMaxLength(20);
        return Arbitraries.maps(Arbitraries.oneOf(uuid, sequential, any), Arbitraries.longs().between(0, Long.MAX_VALUE))
                .ofMaxSize(60);
    }
}
