package dev.commonhold.community.registry.domain;

/** Test data: spreadsheet rows that are valid unless a test says otherwise. */
final class ImportRows {

    private int line = 2;

    RowBuilder row() {
        return new RowBuilder(line++);
    }

    static final class RowBuilder {
        private final int line;
        private String building = "1";
        private String unit;
        private String floor = "1";
        private String area = "89.37";
        private String use = "residential";
        private String ownerRef;
        private String ownerName;
        private String ownerKind = "person";
        private String phone = "13800138000";

        RowBuilder(int line) {
            this.line = line;
            this.unit = String.valueOf(100 + line);
            this.ownerRef = "OWN-" + line;
            this.ownerName = "业主" + line;
        }

        RowBuilder building(String value) { building = value; return this; }
        RowBuilder unit(String value) { unit = value; return this; }
        RowBuilder floor(String value) { floor = value; return this; }
        RowBuilder area(String value) { area = value; return this; }
        RowBuilder use(String value) { use = value; return this; }
        RowBuilder owner(String ref, String name) { ownerRef = ref; ownerName = name; return this; }
        RowBuilder kind(String value) { ownerKind = value; return this; }
        RowBuilder phone(String value) { phone = value; return this; }

        RegistryImport.Row build() {
            return new RegistryImport.Row(line, building, unit, floor, area, use, ownerRef, ownerName, ownerKind, phone);
        }
    }
}
