package dev.commonhold.community.registry.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bulk onboarding (批量导入): an operator's spreadsheet of units and owners checked as a whole
 * against itself and against what the community already holds. Every bad cell is reported with
 * its row and column; the import is all or nothing.
 */
public final class RegistryImport {

    /** One spreadsheet row as text, {@code line} counted as the user sees it (header = 1). */
    public record Row(int line, String building, String unit, String floor, String exclusiveAreaM2, String use,
                      String ownerRef, String ownerName, String ownerKind, String ownerPhone) {
    }

    public record RowError(int row, String column, String value, String message) {
    }

    /** What the community holds already: buildings by name, units by "building/unit", owners by reference. */
    public record Existing(Map<String, Building> buildings, Map<String, UUID> units, Map<String, Owner> owners) {
    }

    public record Plan(List<Building> newBuildings, List<Owner> newOwners, List<Changed<Unit>> units) {
        public List<RegistryEvent> events() {
            return units.stream().flatMap(u -> u.events().stream()).toList();
        }
    }

    private final UUID communityId;
    private final Supplier<UUID> newId;
    private final Map<String, Building> buildings;
    private final Map<String, Owner> owners;
    private final Map<String, Integer> unitRows = new HashMap<>();
    private final Map<String, UUID> registeredUnits;
    private final List<Building> newBuildings = new ArrayList<>();
    private final List<Owner> newOwners = new ArrayList<>();
    private final List<Changed<Unit>> units = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();

    private RegistryImport(UUID communityId, Existing existing, Supplier<UUID> newId) {
        this.communityId = communityId;
        this.newId = newId;
        this.buildings = new LinkedHashMap<>(existing.buildings());
        this.owners = new HashMap<>(existing.owners());
        this.registeredUnits = existing.units();
    }

    /** Either a plan with every row accepted, or every problem found (never a partial plan). */
    public static ImportResult plan(UUID communityId, List<Row> rows, Existing existing, Supplier<UUID> newId) {
        RegistryImport importing = new RegistryImport(communityId, existing, newId);
        if (rows.isEmpty()) {
            importing.errors.add(new RowError(1, null, null, "the file has a header but no units"));
        }
        rows.forEach(importing::accept);
        return importing.errors.isEmpty()
                ? new ImportResult.Accepted(new Plan(importing.newBuildings, importing.newOwners, importing.units))
                : new ImportResult.Rejected(importing.errors);
    }

    private void accept(Row row) {
        int before = errors.size();
        Building building = cell(row, "building", row.building(), () -> building(row.building()));
        String number = cell(row, "unit", row.unit(), () -> Text.identifier("unit", row.unit(), 20));
        Integer floor = cell(row, "floor", row.floor(), () -> floor(row.floor()));
        Area area = cell(row, "exclusive_area_m2", row.exclusiveAreaM2(), () -> area(row.exclusiveAreaM2()));
        UnitUse use = cell(row, "use", row.use(), () -> UnitUse.parse(row.use()));
        Owner owner = owner(row);
        if (building != null && number != null) {
            checkUnique(row, building.name() + "/" + number);
        }
        if (errors.size() == before) {
            Unit unit = cell(row, "unit", row.unit(), () -> new Unit(newId.get(), communityId, building.id(), number, floor, area, use, owner.id()));
            if (unit != null) {
                units.add(Unit.register(unit, building, owner));
            }
        }
    }

    private Building building(String name) {
        String key = Text.identifier("building", name, 50);
        return buildings.computeIfAbsent(key, k -> {
            Building created = new Building(newId.get(), communityId, k);
            newBuildings.add(created);
            return created;
        });
    }

    private void checkUnique(Row row, String key) {
        if (registeredUnits.containsKey(key)) {
            errors.add(new RowError(row.line(), "unit", row.unit(), "unit %s is already registered in this community".formatted(key)));
        } else if (unitRows.containsKey(key)) {
            errors.add(new RowError(row.line(), "unit", row.unit(), "unit %s also appears in row %d".formatted(key, unitRows.get(key))));
        } else {
            unitRows.put(key, row.line());
        }
    }

    private Owner owner(Row row) {
        String ref = cell(row, "owner_ref", row.ownerRef(), () -> Text.identifier("ownerRef", row.ownerRef(), 64));
        OwnerKind kind = cell(row, "owner_kind", row.ownerKind(), () -> OwnerKind.parse(row.ownerKind()));
        String name = cell(row, "owner_name", row.ownerName(), () -> Text.required("ownerName", row.ownerName(), 100));
        String phone = cell(row, "owner_phone", row.ownerPhone(), () -> Phone.normalise(row.ownerPhone()));
        if (ref == null || kind == null || name == null) {
            return null;
        }
        Owner known = owners.get(ref);
        if (known != null) {
            if (!known.sameAs(kind, name)) {
                errors.add(new RowError(row.line(), "owner_name", row.ownerName(), "owner_ref %s is %s (%s) elsewhere; one reference, one owner"
                        .formatted(ref, known.name(), known.kind().name().toLowerCase())));
            }
            return known;
        }
        Owner created = new Owner(newId.get(), communityId, kind, name, phone, ref, null);
        owners.put(ref, created);
        newOwners.add(created);
        return created;
    }

    private static Integer floor(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRegistryData("floor", "not a whole number");
        }
    }

    private static Area area(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRegistryData("exclusiveAreaM2", "is required");
        }
        try {
            return Unit.checkExclusiveArea(Area.ofSquareMetres(new BigDecimal(text.strip())));
        } catch (NumberFormatException e) {
            throw new InvalidRegistryData("exclusiveAreaM2", "not a number of square metres, e.g. 89.37");
        }
    }

    private <T> T cell(Row row, String column, String value, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidRegistryData e) {
            errors.add(new RowError(row.line(), column, value, e.getMessage()));
            return null;
        }
    }
}
