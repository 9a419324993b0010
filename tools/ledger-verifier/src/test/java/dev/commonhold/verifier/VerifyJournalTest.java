package dev.commonhold.verifier;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.NewEntry;
import dev.commonhold.platform.ledger.merkle.MerkleTree;
import dev.commonhold.platform.ledger.verify.TreeHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static dev.commonhold.platform.ledger.Posting.credit;
import static dev.commonhold.platform.ledger.Posting.debit;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier a resident runs on a downloaded journal: what it says, and its exit code. */
class VerifyJournalTest {

    @TempDir
    Path dir;

    private final UUID ledger = UUID.randomUUID();

    @Test
    void anIntactExportAgainstItsHeadExitsZero() throws Exception {
        List<JournalEntry> entries = chain(6);
        Path export = export(entries);
        Path head = head(entries, 6, "2026-10");
        Path months = dir.resolve("months.json");
        Files.writeString(months, "[" + Files.readString(head(entries, 3, "2026-09")) + "," + Files.readString(head) + "]");

        Result r = run(export.toString(), head.toString());

        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("6 entries, 1 tree heads checked, intact");
        assertThat(run(export.toString(), months.toString()).out()).as("GET …/months saved whole").contains("6 entries, 2 tree heads checked, intact");
    }

    @Test
    void anEditedLineIsNamedByItsEntryAndExitsOne() throws Exception {
        List<JournalEntry> entries = chain(6);
        Path head = head(entries, 6, "2026-10");
        Path export = export(entries);
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(2, lines.get(2).replace("\"amountFen\":102", "\"amountFen\":1020").replace("\"amountFen\":-102", "\"amountFen\":-1020"));
        Files.write(export, lines);

        Result r = run(export.toString(), head.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FINDING entry #2 (" + entries.get(2).id() + "): was changed after it was posted")
                .contains("not the root " + HexFormat.of().formatHex(new MerkleTree(entries.stream().map(JournalEntry::leafHash).toList()).root(6)));
    }

    @Test
    void theHeadsSignaturesAreCheckedAndNamed() throws Exception {
        List<JournalEntry> entries = chain(3);
        TreeHead head = new TreeHead(ledger, YearMonth.of(2026, 10), 3, new MerkleTree(entries.stream().map(JournalEntry::leafHash).toList()).root(3), 7L);
        java.security.KeyPair operator = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String key = java.util.Base64.getEncoder().encodeToString(operator.getPublic().getEncoded());
        String good = java.util.Base64.getEncoder().encodeToString(dev.commonhold.platform.ledger.verify.TreeHeadSignatures.sign(head, operator.getPrivate()));
        String json = "{\"period\":\"2026-10\",\"treeSize\":3,\"rootHash\":\"%s\",\"timestampMicros\":7,\"signatures\":[{\"signer\":\"operator\",\"signerName\":\"operator\",\"publicKey\":\"%s\",\"signature\":\"%s\"}]}";
        Path signed = dir.resolve("signed.json");
        Files.writeString(signed, json.formatted(head.rootHex(), key, good));
        Result ok = run(export(entries).toString(), signed.toString());
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("head of 2026-10 signed by operator");

        Path forged = dir.resolve("forged.json");
        Files.writeString(forged, json.formatted(head.rootHex(), key, java.util.Base64.getEncoder().encodeToString(new byte[64])));
        Result bad = run(export(entries).toString(), forged.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.out()).contains("FINDING the signature of operator (key …").contains("on the head of 2026-10 does not verify");

        Path unsigned = dir.resolve("unsigned.json");
        Files.writeString(unsigned, "{\"period\":\"2026-10\",\"treeSize\":3,\"rootHash\":\"%s\",\"timestampMicros\":7}".formatted(head.rootHex()));
        Result none = run(export(entries).toString(), unsigned.toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.out()).contains("FINDING the head of 2026-10 carries no signature");
    }

    @Test
    void aCutFileIsStillCheckedAgainstTheHeadsAndEntriesAfterTheLastHeadAreNoted() throws Exception {
        List<JournalEntry> entries = chain(8);
        Path head = head(entries, 6, "2026-10");
        Path export = export(entries);
        String whole = Files.readString(export);
        Files.writeString(export, "\uFEFF" + whole.substring(0, whole.indexOf('\n', whole.length() / 2) + 20)); // a BOM, and cut mid-line

        Result r = run(export.toString(), head.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("is not a journal entry").contains("1 tree heads checked").doesNotContain("[Source");
        assertThat(r.out()).containsPattern("FINDING .*6");

        Result later = run(export(entries).toString(), head.toString());
        assertThat(later.code()).isZero();
        assertThat(later.out()).contains("note: the last 2 entries come after the last head you kept (2026-10, 6 entries)");
    }

    @Test
    void emptyOrMalformedInputIsAnsweredInWordsNotWithAnExceptionsText() throws Exception {
        Path empty = dir.resolve("empty.ndjson");
        Files.writeString(empty, "");
        Result r = run(empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("has no journal entry at all (it is empty)");

        Path heads = dir.resolve("heads.json");
        Files.writeString(heads, "{}");
        Result h = run(export(chain(2)).toString(), heads.toString());
        assertThat(h.code()).isEqualTo(1);
        assertThat(h.out()).contains("head 1 of").contains("cannot be read").doesNotContain("Cannot invoke");
    }

    @Test
    void aLegChangedSoTheEntryNoLongerBalancesIsNamedNotUnreadable() throws Exception {
        List<JournalEntry> entries = chain(4);
        Path export = export(entries);
        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(1, lines.get(1).replace("\"amountFen\":101", "\"amountFen\":100"));
        Files.write(export, lines);

        Result r = run(export.toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FINDING entry #1 (" + entries.get(1).id() + "): was changed after it was posted")
                .contains("FINDING entry #1 (" + entries.get(1).id() + "): does not balance: 2 postings summing to -1 fen");
    }

    @Test
    void aConsistencyProofHoldsOnlyForTheHistoryTheResidentKept() throws Exception {
        List<JournalEntry> entries = chain(9);
        MerkleTree tree = new MerkleTree(entries.stream().map(JournalEntry::leafHash).toList());
        Path earlier = head(entries, 4, "2026-09");
        Path later = head(entries, 9, "2026-10");
        Path proof = dir.resolve("proof.json");
        Files.writeString(proof, "{\"path\":" + hexes(tree.consistencyProof(4, 9)) + "}");

        assertThat(run("--consistency", earlier.toString(), later.toString(), proof.toString()).code()).isZero();

        List<JournalEntry> rewritten = chain(9); // another history of the same length
        Path forged = head(rewritten, 9, "2026-10");
        Result r = run("--consistency", earlier.toString(), forged.toString(), proof.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).startsWith("FINDING");
    }

    @Test
    void unreadableInputExitsTwo() throws Exception {
        Path junk = dir.resolve("junk.ndjson");
        Files.writeString(junk, "not json\n");
        assertThat(run(junk.toString()).code()).isEqualTo(2);
        assertThat(run().code()).isEqualTo(2);
    }

    private List<JournalEntry> chain(int n) {
        List<JournalEntry> entries = new ArrayList<>();
        byte[] prev = JournalEntry.GENESIS;
        for (int i = 0; i < n; i++) {
            JournalEntry e = JournalEntry.seal(UUID.randomUUID(), ledger, i, 1_796_000_000_000_000L + i, NewEntry.of(YearMonth.of(2026, 10),
                    "公共车位停车费 " + i, "s" + i, List.of(debit("1002", 100 + i), credit("4102", 100 + i))), prev);
            entries.add(e);
            prev = e.leafHash();
        }
        return entries;
    }

    private Path export(List<JournalEntry> entries) throws Exception {
        Path file = dir.resolve("journal.ndjson");
        StringBuilder out = new StringBuilder();
        entries.forEach(e -> out.append("{\"entry\":").append(new String(e.canonical(), StandardCharsets.UTF_8)).append(",\"leafHash\":\"")
                .append(e.leafHashHex()).append("\"}\n"));
        Files.writeString(file, out);
        return file;
    }

    private static final java.security.KeyPair OPERATOR = operatorKey();

    /** A head as GET …/months gives it: signed by the operator. */
    private Path head(List<JournalEntry> entries, int size, String period) throws Exception {
        TreeHead head = new TreeHead(ledger, YearMonth.parse(period), size, new MerkleTree(entries.stream().map(JournalEntry::leafHash).toList()).root(size), 7L);
        Path file = dir.resolve("head-" + period + "-" + UUID.randomUUID() + ".json");
        String key = java.util.Base64.getEncoder().encodeToString(OPERATOR.getPublic().getEncoded());
        String signature = java.util.Base64.getEncoder().encodeToString(dev.commonhold.platform.ledger.verify.TreeHeadSignatures.sign(head,
                OPERATOR.getPrivate()));
        Files.writeString(file, ("{\"period\":\"%s\",\"treeSize\":%d,\"rootHash\":\"%s\",\"timestampMicros\":7,\"signatures\":[{\"signer\":\"operator\","
                + "\"signerName\":\"operator\",\"publicKey\":\"%s\",\"signature\":\"%s\"}]}").formatted(period, size, head.rootHex(), key, signature));
        return file;
    }

    private static java.security.KeyPair operatorKey() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hexes(List<byte[]> hashes) {
        return hashes.stream().map(h -> "\"" + HexFormat.of().formatHex(h) + "\"").toList().toString();
    }

    record Result(int code, String out) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = VerifyJournal.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }
}
