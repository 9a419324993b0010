package dev.commonhold.platform.ledger.verify;

import dev.commonhold.platform.ledger.canonical.CanonicalJson;

import java.time.YearMonth;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * What a closed month publishes about a ledger's log: its size, the RFC 9162 root of the first
 * {@code size} leaves and when. Signed as its canonical bytes, RFC 8785 JSON of
 * {@code {"format":"commonhold-tree-head/1","ledger":uuid,"period":"yyyy-MM","rootHash":hex,"size":n,"timestampMicros":n}}.
 */
public record TreeHead(UUID ledgerId, YearMonth period, long size, byte[] rootHash, long timestampMicros) {

    public static final String FORMAT = "commonhold-tree-head/1";

    public byte[] canonical() {
        return CanonicalJson.bytes(Map.of("format", FORMAT, "ledger", ledgerId.toString(), "period", period.toString(),
                "rootHash", rootHex(), "size", size, "timestampMicros", timestampMicros));
    }

    public String rootHex() {
        return HexFormat.of().formatHex(rootHash);
    }
}
