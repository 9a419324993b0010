package dev.commonhold.platform.ledger.canonical;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.commonhold.platform.ledger.Posting.credit;
import static dev.commonhold.platform.ledger.Posting.debit;
import static org.assertj.core.api.Assertions.assertThat;

/** The exact bytes an entry's hash covers, as platform/ledger/FORMAT.md documents them for third-party verifiers. */
class EntryEncodingTest {

    @Test
    void anEntryIsRfc8785JsonWithSortedMembersAndNoWhitespace() {
        JournalEntry e = JournalEntry.seal(UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), UUID.fromString("00000000-0000-0000-0000-00000000000a"),
                0, 1_796_000_000_000_000L, NewEntry.of(YearMonth.of(2026, 11), "停车费 \"A区\"\n", "billing.payment-settled.v1:e1",
                        List.of(debit("1002", 1_500), credit("4102", 1_500))), JournalEntry.GENESIS);

        String canonical = new String(e.canonical(), StandardCharsets.UTF_8);

        assertThat(canonical).isEqualTo("{\"belongsTo\":null,\"description\":\"停车费 \\\"A区\\\"\\n\",\"format\":\"commonhold-ledger-entry/1\","
                + "\"id\":\"0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b\",\"ledger\":\"00000000-0000-0000-0000-00000000000a\",\"period\":\"2026-11\","
                + "\"postedAtMicros\":1796000000000000,\"postings\":[{\"account\":\"1002\",\"amountFen\":1500},{\"account\":\"4102\",\"amountFen\":-1500}],"
                + "\"prevHash\":\"" + "0".repeat(64) + "\",\"reverses\":null,\"sequence\":0,\"source\":\"billing.payment-settled.v1:e1\"}");
        assertThat(e.leafHash()).isEqualTo(MerkleTree.leafHash(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void controlCharactersAreEscapedAsRfc8785Says() {
        assertThat(new String(CanonicalJson.bytes(Map.of("a", "\u0001\t\u001f/\u007f")), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":\"\\u0001\\t\\u001f/\u007f\"}");
    }

    @Test
    void changingAnyFieldChangesTheHash() {
        NewEntry base = NewEntry.of(YearMonth.of(2026, 11), "x", null, List.of(debit("1002", 100), credit("4101", 100)));
        UUID id = UUID.randomUUID();
        UUID ledger = UUID.randomUUID();
        String original = HexFormat.of().formatHex(JournalEntry.seal(id, ledger, 3, 1L, base, JournalEntry.GENESIS).leafHash());
        List<JournalEntry> variants = List.of(
                JournalEntry.seal(id, ledger, 4, 1L, base, JournalEntry.GENESIS),
                JournalEntry.seal(id, ledger, 3, 2L, base, JournalEntry.GENESIS),
                JournalEntry.seal(id, ledger, 3, 1L, NewEntry.of(YearMonth.of(2026, 12), "x", null, base.postings()), JournalEntry.GENESIS),
                JournalEntry.seal(id, ledger, 3, 1L, NewEntry.of(base.period(), "x", null, List.of(debit("1002", 101), credit("4101", 101))), JournalEntry.GENESIS),
                JournalEntry.seal(id, ledger, 3, 1L, base, new byte[]{1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        variants.forEach(v -> assertThat(HexFormat.of().formatHex(v.leafHash())).isNotEqualTo(original));
    }
}
