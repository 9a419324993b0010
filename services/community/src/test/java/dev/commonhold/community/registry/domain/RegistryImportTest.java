package dev.commonhold.community.registry.domain;

import dev.commonhold.platform.ids.Ids;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryImportTest {

    private static final UUID COMMUNITY = UUID.randomUUID();
    private static final RegistryImport.Existing EMPTY = new RegistryImport.Existing(Map.of(), Map.of(), Map.of());
    private final ImportRows rows = new ImportRows();

    @Test
    void plansBuildingsOwnersAndUnitsAndAnEventPerUnit() {
        List<RegistryImport.Row> sheet = List.of(
                rows.row().building("1").unit("101").owner("A", "张三").build(),
                rows.row().building("1").unit("102").owner("A", "张三").build(),
                rows.row().building("2").unit("101").owner("DEV", "劲松置业").kind("developer").phone("").build());

        RegistryImport.Plan plan = accepted(RegistryImport.plan(COMMUNITY, sheet, EMPTY, Ids::newId));

        assertThat(plan.newBuildings()).extracting(Building::name).containsExactly("1", "2");
        assertThat(plan.newOwners()).extracting(Owner::name).containsExactly("张三", "劲松置业");
        assertThat(plan.units()).hasSize(3);
        assertThat(plan.units().get(0).state().ownerId()).as("one buyer of two units is one owner (V5)")
                .isEqualTo(plan.units().get(1).state().ownerId());
        assertThat(plan.events()).hasSize(3).allMatch(e -> e instanceof RegistryEvent.UnitRegistered);
    }

    @Test
    void aFullWidthUnitNumberIsTheSameUnitNotASecondOne() {
        List<RegistryImport.RowError> errors = rejected(RegistryImport.plan(COMMUNITY, List.of(
                rows.row().building("3号楼").unit("101").area("89.37").owner("A", "张三").build(),
                rows.row().building("3号楼　").unit("１０１").area("89.37").owner("B", "李四").build()), EMPTY, Ids::newId));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.message()).contains("3号楼/101 also appears in row 2");
        });
    }

    @Test
    void identifiersAreStoredInOneSpellingWhateverSpacesOrWidthsTheyWereTypedIn() {
        RegistryImport.Plan plan = accepted(RegistryImport.plan(COMMUNITY, List.of(
                rows.row().building(" ５号楼 ").unit(" Ｂ１０２").owner("　OWN-１", "王五").build()), EMPTY, Ids::newId));

        assertThat(plan.newBuildings()).extracting(Building::name).containsExactly("5号楼");
        assertThat(plan.units()).extracting(u -> u.state().number()).containsExactly("B102");
        assertThat(plan.newOwners()).extracting(Owner::externalRef).containsExactly("OWN-1");
    }

    @Test
    void acceptsTheChineseTermsOperatorsSpreadsheetsUse() {
        RegistryImport.Plan plan = accepted(RegistryImport.plan(COMMUNITY,
                List.of(rows.row().use("商铺").kind("建设单位").build(), rows.row().use("车位").kind("业主").build()), EMPTY, Ids::newId));

        assertThat(plan.units()).extracting(u -> u.state().use()).containsExactly(UnitUse.COMMERCIAL, UnitUse.PARKING);
        assertThat(plan.newOwners()).extracting(Owner::kind).containsExactly(OwnerKind.DEVELOPER, OwnerKind.PERSON);
    }

    @Test
    void reportsEveryBadCellOfARowWithItsColumn() {
        List<RegistryImport.RowError> errors = rejected(RegistryImport.plan(COMMUNITY,
                List.of(rows.row().area("89.375").use("castle").kind("alien").phone("12345").build()), EMPTY, Ids::newId));

        assertThat(errors).extracting(RegistryImport.RowError::column)
                .containsExactlyInAnyOrder("exclusive_area_m2", "use", "owner_kind", "owner_phone");
        assertThat(errors).allMatch(e -> e.row() == 2);
    }

    @Test
    void areaMustBePositiveWithAtMostTwoDecimals() {
        assertThat(rejected(plan(rows.row().area("0").build()))).extracting(RegistryImport.RowError::message)
                .containsExactly("must be greater than 0");
        assertThat(rejected(plan(rows.row().area("abc").build()))).extracting(RegistryImport.RowError::column)
                .containsExactly("exclusive_area_m2");
        assertThat(accepted(plan(rows.row().area("0.01").build())).units().getFirst().state().exclusiveArea().centiSquareMetres())
                .isEqualTo(1);
    }

    @Test
    void aUnitListedTwiceNamesBothRows() {
        List<RegistryImport.RowError> errors = rejected(RegistryImport.plan(COMMUNITY, List.of(
                rows.row().building("3").unit("301").build(),
                rows.row().building("3").unit("302").build(),
                rows.row().building("3").unit("301").build()), EMPTY, Ids::newId));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.message()).contains("3/301").contains("row 2");
        });
    }

    @Test
    void aUnitAlreadyInTheRegistryIsRefused() {
        RegistryImport.Existing existing = new RegistryImport.Existing(Map.of(), Map.of("1/101", UUID.randomUUID()), Map.of());

        assertThat(rejected(RegistryImport.plan(COMMUNITY, List.of(rows.row().building("1").unit("101").build()), existing, Ids::newId)))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("already registered"));
    }

    @Test
    void oneOwnerReferenceCannotNameTwoPeople() {
        List<RegistryImport.RowError> errors = rejected(RegistryImport.plan(COMMUNITY, List.of(
                rows.row().owner("A", "张三").build(), rows.row().owner("A", "李四").build()), EMPTY, Ids::newId));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("owner_name");
        });
    }

    @Test
    void existingOwnerIsReusedByReference() {
        Owner known = new Owner(UUID.randomUUID(), COMMUNITY, OwnerKind.PERSON, "王五", null, "W5", null);
        RegistryImport.Existing existing = new RegistryImport.Existing(Map.of(), Map.of(), Map.of("W5", known));

        RegistryImport.Plan plan = accepted(RegistryImport.plan(COMMUNITY, List.of(rows.row().owner("W5", "王五").build()), existing, Ids::newId));

        assertThat(plan.newOwners()).isEmpty();
        assertThat(plan.units().getFirst().state().ownerId()).isEqualTo(known.id());
    }

    @Test
    void emptySheetIsRefused() {
        assertThat(rejected(RegistryImport.plan(COMMUNITY, List.of(), EMPTY, Ids::newId))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("no units"));
    }

    private RegistryImport.Plan accepted(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Accepted.class);
        return ((ImportResult.Accepted) result).plan();
    }

    private List<RegistryImport.RowError> rejected(ImportResult result) {
        assertThat(result).isInstanceOf(ImportResult.Rejected.class);
        return ((ImportResult.Rejected) result).errors();
    }

    private static ImportResult plan(RegistryImport.Row row) {
        return RegistryImport.plan(COMMUNITY, List.of(row), EMPTY, Ids::newId);
    }
}
