package dev.commonhold.community.registry.web;

import de.siegmar.fastcsv.reader.CsvRecord;
import dev.commonhold.community.registry.app.RegistryImports;
import dev.commonhold.community.registry.domain.RegistryImport;
import dev.commonhold.platform.documents.SpreadsheetText;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an operator's spreadsheet of units and owners saved as CSV (any encoding office software
 * writes: {@link SpreadsheetText}); header names in English or Chinese, columns in any order, extra
 * columns ignored.
 */
final class SpreadsheetRows {

    static final int MAX_ROWS = 20_000;

    private static final Map<String, String> COLUMNS = aliases();
    private static final List<String> REQUIRED = List.of("building", "unit", "exclusive_area_m2", "use", "owner_ref", "owner_name", "owner_kind");

    private SpreadsheetRows() {
    }

    static List<RegistryImport.Row> read(byte[] bytes, Charset declared) {
        List<CsvRecord> records = SpreadsheetText.records(bytes, declared);
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
