package dev.commonhold.platform.ledger.canonical;

import dev.commonhold.platform.ledger.JournalEntry;
import dev.commonhold.platform.ledger.Posting;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The canonical serialisation of a journal entry, the bytes its leaf hash covers: RFC 8785 JSON of
 * <pre>
 * {"belongsTo": "yyyy-MM" | null, "description": text, "format": "commonhold-ledger-entry/1",
 *  "id": uuid, "ledger": uuid, "period": "yyyy-MM", "postedAtMicros": integer,
 *  "postings": [{"account": code, "amountFen": integer (debit &gt; 0, credit &lt; 0)}, … in posted order],
 *  "prevHash": 64 lower-case hex digits, "reverses": uuid | null, "sequence": integer, "source": text | null}
 * </pre>
 * UUIDs in lower case with hyphens. platform/ledger/FORMAT.md says the same for anyone writing their
 * own verifier.
 */
public final class EntryEncoding {

    public static final String FORMAT = "commonhold-ledger-entry/1";
    private static final HexFormat HEX = HexFormat.of();

    private EntryEncoding() {
    }

    public static byte[] canonical(JournalEntry e) {
        Map<String, Object> json = new HashMap<>();
        json.put("belongsTo", e.belongsTo() == null ? null : e.belongsTo().toString());
        json.put("description", e.description());
        json.put("format", FORMAT);
        json.put("id", e.id().toString());
        json.put("ledger", e.ledgerId().toString());
        json.put("period", e.period().toString());
        json.put("postedAtMicros", e.postedAtMicros());
        json.put("postings", e.postings().stream().map(EntryEncoding::posting).toList());
        json.put("prevHash", HEX.formatHex(e.prevHash()));
        json.put("reverses", e.reverses() == null ? null : e.reverses().toString());
        json.put("sequence", e.sequence());
        json.put("source", e.source());
        return CanonicalJson.bytes(json);
    }

    private static Map<String, Object> posting(Posting p) {
        return Map.of("account", p.account(), "amountFen", p.amountFen());
    }
}
