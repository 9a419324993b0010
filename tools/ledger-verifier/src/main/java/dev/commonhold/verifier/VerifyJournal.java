package dev.commonhold.verifier;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.Posting;
import dev.commonhold.platform.ledger.merkle.InvalidProofException;
import dev.commonhold.platform.ledger.merkle.MerkleProofs;
import dev.commonhold.platform.ledger.verify.JournalVerifier;
import dev.commonhold.platform.ledger.verify.TreeHead;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * {@code java -jar ledger-verifier.jar journal.ndjson [heads.json …]}: checks a trust account's
 * exported journal (GET …/export) entry by entry, and the journal against each tree head given
 * (GET …/months as it was saved, or one of its elements: the heads a resident kept). With
 * {@code --consistency earlier.json later.json proof.json}
 * or {@code --inclusion proof.json head.json} it checks a proof against the heads you kept. Exit 0: intact; 1: findings, each naming the entry; 2: unreadable input.
 * platform/ledger/FORMAT.md describes every byte it hashes.
 */
public final class VerifyJournal {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HexFormat HEX = HexFormat.of();

    private VerifyJournal() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 0) {
            out.println("usage: java -jar ledger-verifier.jar journal.ndjson [head.json …]");
            out.println("       java -jar ledger-verifier.jar --consistency earlier-head.json later-head.json proof.json");
            out.println("       java -jar ledger-verifier.jar --inclusion proof.json head.json");
            return 2;
        }
        try {
            return switch (args[0]) {
                case "--consistency" -> consistency(read(args[1]), read(args[2]), read(args[3]), out);
                case "--inclusion" -> inclusion(read(args[1]), read(args[2]), out);
                default -> journal(Path.of(args[0]), List.of(args).subList(1, args.length), out);
            };
        } catch (IOException e) {
            out.println("cannot read the input: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            out.println("cannot read the input: " + reason(e) + " — give the files as the service gave them (see --help for the order)");
            return 2;
        }
    }

    private static int journal(Path export, List<String> heads, PrintStream out) throws IOException {
        JournalVerifier verifier = new JournalVerifier();
        UUID ledger = null;
        List<String> unreadable = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1); // a byte-order mark from an editor that re-saved the file
                }
                if (!line.isBlank()) {
                    try {
                        JournalEntry entry = entry(JSON.readTree(line), number);
                        ledger = entry.ledgerId();
                        verifier.accept(entry);
                    } catch (RuntimeException e) {
                        unreadable.add("line " + number + " is not a journal entry (" + reason(e) + "): the file was changed or cut");
                    }
                }
            }
        }
        if (ledger == null) {
            out.println("cannot read the input: " + export.getFileName() + " has no journal entry at all"
                    + (unreadable.isEmpty() ? " (it is empty): export it again with GET …/export" : " (" + unreadable.get(0) + ")"));
            return 2;
        }
        unreadable.forEach(u -> out.println("FINDING " + u));
        int checked = 0;
        int badHeads = 0;
        long covered = 0;
        String lastPeriod = null;
        for (String file : heads) {
            JsonNode kept = read(file);
            int index = 0;
            for (JsonNode head : kept.isArray() ? kept : JSON.createArrayNode().add(kept)) {
                index++;
                TreeHead tree;
                try {
                    tree = head(head, ledger);
                } catch (RuntimeException e) {
                    out.printf("FINDING head %d of %s cannot be read (%s): keep the heads as GET …/months gave them%n", index, file, reason(e));
                    badHeads++;
                    continue;
                }
                verifier.checkHead(tree);
                badHeads += signatures(head, tree, out);
                checked++;
                if (tree.size() > covered) {
                    covered = tree.size();
                    lastPeriod = tree.period().toString();
                }
            }
        }
        verifier.findings().forEach(f -> out.println("FINDING " + f));
        if (checked > 0 && verifier.entries() > covered) {
            out.printf("note: the last %d entries come after the last head you kept (%s, %d entries): no signed head covers them yet%n",
                    verifier.entries() - covered, lastPeriod, covered);
        }
        boolean intact = verifier.intact() && badHeads == 0 && unreadable.isEmpty();
        out.printf("%s: %d entries, %d tree heads checked, %s%n", export.getFileName(), verifier.entries(), checked,
                intact ? "intact" : verifier.findings().size() + badHeads + unreadable.size() + " findings");
        return intact ? 0 : 1;
    }

    /** What went wrong, in a sentence: the library's own message without its internals. */
    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int source = message.indexOf("\n at [Source");
        message = source >= 0 ? message.substring(0, source) : message;
        if (e instanceof NullPointerException) {
            return "a field is missing";
        }
        return message.lines().findFirst().orElse(message);
    }

    /** Each signature the head carries must verify over its canonical bytes; who signed is printed, to compare with the keys you trust. */
    private static int signatures(JsonNode head, TreeHead tree, PrintStream out) {
        JsonNode signatures = head.get("signatures");
        if (signatures == null || signatures.isEmpty()) {
            out.printf("FINDING the head of %s carries no signature: every closed month is signed by the operator; keep the heads as published%n",
                    tree.period());
            return 1;
        }
        int bad = 0;
        for (JsonNode s : signatures) {
            String name = s.path("signerName").asString("?");
            try {
                java.security.PublicKey key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                        new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(s.get("publicKey").asString())));
                boolean valid = dev.commonhold.platform.ledger.verify.TreeHeadSignatures.verify(tree, java.util.Base64.getDecoder()
                        .decode(s.get("signature").asString()), key);
                String keyEnd = "…" + s.get("publicKey").asString().substring(Math.max(0, s.get("publicKey").asString().length() - 16));
                out.println(valid ? "head of %s signed by %s, key %s".formatted(tree.period(), name, keyEnd)
                        : "FINDING the signature of %s (key %s) on the head of %s does not verify: the head is not what was signed".formatted(name, keyEnd,
                        tree.period()));
                bad += valid ? 0 : 1;
            } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
                out.printf("FINDING the signature of %s on the head of %s cannot be read: %s%n", name, tree.period(), e.getMessage());
                bad++;
            }
        }
        return bad;
    }

    private static int consistency(JsonNode earlier, JsonNode later, JsonNode proof, PrintStream out) {
        try {
            MerkleProofs.verifyConsistency(earlier.get("treeSize").asLong(), later.get("treeSize").asLong(), hashes(proof.get("path")),
                    HEX.parseHex(earlier.get("rootHash").asString()), HEX.parseHex(later.get("rootHash").asString()));
            out.printf("the head of %s (%d entries) extends the head of %s (%d entries): nothing before was changed%n",
                    later.path("period").asString("?"), later.get("treeSize").asLong(), earlier.path("period").asString("?"), earlier.get("treeSize").asLong());
            return 0;
        } catch (InvalidProofException e) {
            out.println("FINDING " + e.getMessage());
            return 1;
        }
    }

    /** @param kept one head, or GET …/months saved whole: the head of the proof's size is taken */
    private static int inclusion(JsonNode proof, JsonNode kept, PrintStream out) {
        JsonNode head = kept;
        if (kept.isArray()) {
            head = kept.valueStream().filter(h -> h.get("treeSize").asLong() == proof.get("treeSize").asLong()).findFirst().orElse(null);
            if (head == null) {
                out.println("FINDING none of the kept heads covers " + proof.get("treeSize").asLong() + " entries, the size of this proof");
                return 1;
            }
        }
        try {
            if (proof.get("treeSize").asLong() != head.get("treeSize").asLong()) {
                throw new InvalidProofException("the proof is for a tree of %d entries, the head covers %d".formatted(proof.get("treeSize").asLong(),
                        head.get("treeSize").asLong()));
            }
            MerkleProofs.verifyInclusion(proof.get("leafIndex").asLong(), head.get("treeSize").asLong(), HEX.parseHex(proof.get("leafHash").asString()),
                    hashes(proof.get("path")), HEX.parseHex(head.get("rootHash").asString()));
            out.printf("entry #%d (leaf hash %s) is in the head of %s%n", proof.get("leafIndex").asLong(), proof.get("leafHash").asString(),
                    head.path("period").asString("?"));
            return 0;
        } catch (InvalidProofException e) {
            out.println("FINDING " + e.getMessage());
            return 1;
        }
    }

    /** One export line: {"entry": the entry's canonical JSON, "leafHash": hex}. */
    static JournalEntry entry(JsonNode line, long number) {
        JsonNode e = line.get("entry");
        if (e == null || line.get("leafHash") == null) {
            throw new IllegalArgumentException("line " + number + " is not an export line (entry, leafHash)");
        }
        List<Posting> postings = new ArrayList<>();
        e.get("postings").forEach(p -> postings.add(new Posting(p.get("account").asString(), p.get("amountFen").asLong())));
        // As written, not as a new entry would have to be: an unbalanced one is the verifier's finding, not an unreadable line.
        return new JournalEntry(UUID.fromString(e.get("id").asString()), UUID.fromString(e.get("ledger").asString()), e.get("sequence").asLong(),
                YearMonth.parse(e.get("period").asString()), month(e.get("belongsTo")), e.get("postedAtMicros").asLong(), e.get("description").asString(),
                text(e.get("source")), e.get("reverses").isNull() ? null : UUID.fromString(e.get("reverses").asString()), postings,
                HEX.parseHex(e.get("prevHash").asString()), HEX.parseHex(line.get("leafHash").asString()));
    }

    private static TreeHead head(JsonNode h, UUID ledger) {
        return new TreeHead(ledger, YearMonth.parse(h.get("period").asString()), h.get("treeSize").asLong(), HEX.parseHex(h.get("rootHash").asString()),
                h.get("timestampMicros").asLong());
    }

    private static YearMonth month(JsonNode node) {
        return node == null || node.isNull() ? null : YearMonth.parse(node.asString());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(n -> out.add(HEX.parseHex(n.asString())));
        return out;
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    }
}
