package dev.commonhold.community.registry.web;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.commonhold.community.registry.app.RegistryImports;
import dev.commonhold.community.registry.domain.RegistryImport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an operator's spreadsheet saved as CSV the way office software really saves it: UTF-8
 * with or without a BOM, GB18030/GBK from Chinese Excel, UTF-16 tab-separated "Unicode text";
 * header names in English or Chinese, columns in any order, extra columns ignored.
 */
final class SpreadsheetRows {

    static final int MAX_ROWS = 20_000;

    private static final Map<String, String> COLUMNS = aliases();
    private static final List<String> REQUIRED = List.of("building", "unit", "exclusive_area_m2", "use", "owner_ref", "owner_name", "owner_kind");

    private SpreadsheetRows() {
    }

    static List<RegistryImport.Row> read(byte[] bytes, Charset declared) {
        String text = decode(bytes, declared);
        String firstLine = text.lines().findFirst().orElse("");
        char separator = firstLine.contains("\t") && !firstLine.contains(",") ? '\t' : ',';
        List<CsvRecord> records = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
                .allowMissingFields(true).allowExtraFields(true).ofCsvRecord(text).stream()
                .filter(r -> r.getFields().stream().anyMatch(f -> !f.isBlank())).toList();
        if (records.isEmpty()) {
            throw rejected(1, null, "the file is empty; the first line must name the columns: " + String.join(",", REQUIRED));
        }
        Map<String, Integer> positions = header(records.getFirst());
        if (records.size() - 1 > MAX_ROWS) {
            throw rejected(1, null, "the file has %d units; import at most %d at a time".formatted(records.size() - 1, MAX_ROWS));
        }
        List<RegistryImport.Row> rows = new ArrayList<>(records.size() - 1);
        for (CsvRecord record : records.subList(1, records.size())) {
            rows.add(row(record, positions));
        }
        return rows;
    }

    private static Map<String, Integer> header(CsvRecord header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.getFieldCount(); i++) {
            String column = COLUMNS.get(header.getField(i).strip().toLowerCase(Locale.ROOT));
            if (column != null) {
                positions.putIfAbsent(column, i);
            }
        }
        List<RegistryImport.RowError> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c))
                .map(c -> new RegistryImport.RowError(1, c, null, "missing column " + c)).toList();
        if (!missing.isEmpty()) {
            throw new RegistryImports.Rejected(missing);
        }
        return positions;
    }

    private static RegistryImport.Row row(CsvRecord record, Map<String, Integer> at) {
        return new RegistryImport.Row((int) record.getStartingLineNumber(), field(record, at, "building"), field(record, at, "unit"),
                field(record, at, "floor"), field(record, at, "exclusive_area_m2"), field(record, at, "use"), field(record, at, "owner_ref"),
                field(record, at, "owner_name"), field(record, at, "owner_kind"), field(record, at, "owner_phone"));
    }

    private static String field(CsvRecord record, Map<String, Integer> at, String column) {
        Integer position = at.get(column);
        return position == null || position >= record.getFieldCount() ? null : record.getField(position).strip();
    }

    /** The declared charset if any; else by BOM; else strict UTF-8; else GB18030 (a superset of GBK, what Chinese Excel writes). */
    private static String decode(byte[] bytes, Charset declared) {
        if (declared != null) {
            return stripBom(new String(bytes, declared));
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return stripBom(new String(bytes, StandardCharsets.UTF_16));
        }
        try {
            return stripBom(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static RegistryImports.Rejected rejected(int row, String column, String message) {
        return new RegistryImports.Rejected(List.of(new RegistryImport.RowError(row, column, null, message)));
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        put(aliases, "building", "building", "楼栋", "楼号", "楼栋号");
        put(aliases, "unit", "unit", "房号", "户号", "房间号");
        put(aliases, "floor", "floor", "楼层");
        put(aliases, "exclusive_area_m2", "exclusive_area_m2", "exclusive_area", "area_m2", "专有面积", "专有部分面积");
        put(aliases, "use", "use", "用途");
        put(aliases, "owner_ref", "owner_ref", "业主编号");
        put(aliases, "owner_name", "owner_name", "业主姓名", "业主");
        put(aliases, "owner_kind", "owner_kind", "业主类型");
        put(aliases, "owner_phone", "owner_phone", "phone", "电话", "联系电话");
        return Map.copyOf(aliases);
    }

    private static void put(Map<String, String> aliases, String column, String... names) {
        for (String name : names) {
            aliases.put(name, column);
        }
    }
}
