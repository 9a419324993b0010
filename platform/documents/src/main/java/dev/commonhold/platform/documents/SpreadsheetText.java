package dev.commonhold.platform.documents;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A spreadsheet saved as CSV the way office software and Chinese banks really save it: UTF-8 with
 * or without a BOM, GB18030/GBK from Chinese Excel and online banking, UTF-16 tab-separated
 * "Unicode text". What the columns mean is each importer's business.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /**
     * The non-blank records of the file, the header first; the separator is a tab when the first line
     * has tabs and no commas. Every row has as many cells as the header (cells beyond it may only be
     * blank, as some programs pad rows): an unquoted "1,234.56" in the last column must not become 1.
     *
     * @throws SpreadsheetRejected naming each row with a different number of cells, or the bytes not valid in the encoding
     */
    public static List<CsvRecord> records(byte[] bytes, Charset declared) {
        String text = decode(bytes, declared);
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.contains("\t") && !firstLine.contains(",") ? '\t' : ',';
        List<CsvRecord> records = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true).allowMissingFields(true).allowExtraFields(true)
                .ofCsvRecord(text).stream().filter(r -> r.getFields().stream().anyMatch(f -> !f.isBlank())).toList();
        requireSameWidth(records);
        requireNoNul(records);
        return records;
    }

    /** A NUL character cannot be stored (PostgreSQL refuses it) and is never typed on purpose: refused, naming the cell. */
    private static void requireNoNul(List<CsvRecord> records) {
        List<String> header = records.isEmpty() ? List.of() : records.getFirst().getFields();
        SpreadsheetRejected.Collector problems = new SpreadsheetRejected.Collector();
        for (CsvRecord r : records) {
            for (int i = 0; i < r.getFieldCount(); i++) {
                if (r.getField(i).indexOf('\u0000') >= 0) {
                    problems.add(new SpreadsheetRejected.Problem((int) r.getStartingLineNumber(), i < header.size() ? header.get(i) : null,
                            r.getField(i).replace('\u0000', '\uFFFD'), "contains the NUL character (U+0000), which cannot be stored: remove it"));
                }
            }
        }
        problems.throwIfAny();
    }

    private static void requireSameWidth(List<CsvRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        int width = records.getFirst().getFieldCount();
        SpreadsheetRejected.Collector problems = new SpreadsheetRejected.Collector();
        for (CsvRecord r : records.subList(1, records.size())) {
            int filled = r.getFieldCount();
            while (filled > width && r.getField(filled - 1).isBlank()) {
                filled--;
            }
            if (filled != width) {
                problems.add(new SpreadsheetRejected.Problem((int) r.getStartingLineNumber(), null, null, ("%d cells expected (as in the header), "
                        + "%d found: quote a cell that holds the separator, e.g. \"1,234.56\"").formatted(width, filled)));
            }
        }
        problems.throwIfAny();
    }

    /**
     * The declared charset if any; else by BOM; else UTF-16 without a BOM when many bytes are zero
     * (ASCII in UTF-16 is every other byte zero); else strict UTF-8; else GB18030 (a superset of GBK,
     * what Chinese Excel writes).
     */
    public static String decode(byte[] bytes, Charset declared) {
        if (declared != null) {
            return stripBom(strictly(bytes, declared));
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return stripBom(new String(bytes, StandardCharsets.UTF_16));
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return new String(bytes, utf16);
        }
        try {
            return stripBom(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** The text, or a refusal naming the first line with bytes that are not valid in {@code charset} — never a silent �. */
    private static String strictly(byte[] bytes, Charset charset) {
        java.nio.charset.CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate((int) (bytes.length * (double) decoder.maxCharsPerByte()) + 16);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new SpreadsheetRejected(List.of(new SpreadsheetRejected.Problem(line, null, null, ("bytes here are not valid %s, the encoding "
                    + "the request declares: save the file as %s, or send it without a charset and the encoding is recognised").formatted(charset.name(),
                    charset.name()))), 1);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static Charset utf16WithoutBom(byte[] bytes) {
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        if (bytes.length < 4 || bytes.length % 2 != 0 || evenZeros + oddZeros < bytes.length / 4) {
            return null;
        }
        return oddZeros > evenZeros ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
