package dev.commonhold.devstack;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Real-world hostile input (issue 17), as the hostile-input harness sends it: values for one JSON
 * field (as JSON text, so a value can be what no JSON library would write), whole JSON bodies,
 * spreadsheet rows and file bodies. Each has a name, so a finding says which.
 */
final class Nasties {

    /** One value, written into a JSON body as it is. */
    record Value(String name, String json) {
    }

    /** One whole request body, as bytes. */
    record Body(String name, byte[] bytes) {
    }

    private static final Charset GBK = Charset.forName("GBK");

    static final List<Value> VALUES = List.of(
            new Value("nul", "\"a\\u0000b\""),
            new Value("control-characters", "\"\\u0007\\u001b[31mred\""),
            new Value("c1-control", "\"a\\u0085b\""),
            new Value("lone-high-surrogate", "\"\\ud800\""),
            new Value("lone-low-surrogate", "\"x\\udc00y\""),
            new Value("bidi-override", "\"\\u202eevil\""),
            new Value("full-width-digits", "\"１２３４５\""),
            new Value("unicode-spaces", "\"\\u00a0\\u2003\\u3000\\u200b\\ufeff\""),
            new Value("padded-text", "\"\\u3000王小明 \""),
            new Value("empty-string", "\"\""),
            new Value("long-string", "\"" + "长".repeat(100_000) + "\""),
            new Value("formula", "\"=HYPERLINK(\\\"http://evil.example\\\",\\\"点此\\\")\""),
            new Value("markup", "\"<script>alert(1)</script>\""),
            new Value("sql", "\"'; DROP TABLE units; --\""),
            new Value("five-thousand-digits", "9".repeat(5_000)),
            new Value("five-thousand-digit-string", "\"" + "9".repeat(5_000) + "\""),
            new Value("long-overflow", "9223372036854775808"),
            new Value("int-overflow", "2147483648"),
            new Value("negative", "-1"),
            new Value("negative-zero", "-0"),
            new Value("fraction", "0.005"),
            new Value("exponent", "1e400"),
            new Value("nan-string", "\"NaN\""),
            new Value("true", "true"),
            new Value("null", "null"),
            new Value("array", "[1,\"2\",null]"),
            new Value("object", "{\"$ref\":\"#\"}"),
            new Value("date-nonsense", "\"2026-02-30\""),
            new Value("date-year-zero", "\"0000-01-01\""),
            new Value("uuid-upper", "\"0BADC0DE-0000-4000-8000-00000000A11E\""),
            new Value("uuid-nil", "\"00000000-0000-0000-0000-000000000000\""));

    static final List<Body> BODIES = List.of(
            new Body("empty", new byte[0]),
            new Body("json-null", ascii("null")),
            new Body("json-array", ascii("[]")),
            new Body("json-string", ascii("\"x\"")),
            new Body("truncated", ascii("{\"a\":")),
            new Body("trailing-garbage", ascii("{} {}")),
            new Body("duplicate-keys", ascii("{\"a\":1,\"a\":2}")),
            new Body("deep-nesting", ascii("[".repeat(20_000) + "]".repeat(20_000))),
            new Body("byte-order-mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii("{}"))),
            new Body("gbk-under-utf8-label", "{\"name\":\"王小明\"}".getBytes(GBK)),
            new Body("invalid-utf8", new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
            new Body("comment", ascii("{/* c */}")),
            new Body("single-quotes", ascii("{'a':1}")));

    /** Spreadsheet and text bodies (text/csv, text/tab-separated-values, text/plain). */
    static final List<Body> ROWS = List.of(
            new Body("empty", new byte[0]),
            new Body("header-only", utf8("building,unit,area\n")),
            new Body("extra-fields", utf8("a,b,c\n1,2,3,4,5,6\n")),
            new Body("missing-fields", utf8("a,b,c\n1\n")),
            new Body("formula-cells", utf8("a,b\n=1+1,@SUM(A1)\n+cmd|' /C calc'!A0,-2+3\n")),
            new Body("gbk-bytes", "楼栋,房号\n1号楼,101\n".getBytes(GBK)),
            new Body("nul-byte", utf8("a,b\n1,\u0000\n")),
            new Body("unbalanced-quote", utf8("a,b\n\"1,2\n")),
            new Body("bom-crlf", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("a,b\r\n1,2\r\n"))),
            new Body("huge-number", utf8("a,b\n" + "9".repeat(5_000) + ",1\n")),
            new Body("binary", new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 10}));

    /** File bodies (application/octet-stream: a statement, a voucher, a contract). */
    static final List<Body> FILES = List.of(
            new Body("empty", new byte[0]),
            new Body("pdf-header-only", ascii("%PDF-1.7\n")),
            new Body("png-truncated", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
            new Body("zip-bomb-header", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}),
            new Body("text-as-file", utf8("not a file 不是文件")),
            new Body("random", random()));

    private Nasties() {
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] random() {
        byte[] bytes = new byte[4096];
        new java.util.Random(17).nextBytes(bytes);
        return bytes;
    }
}
