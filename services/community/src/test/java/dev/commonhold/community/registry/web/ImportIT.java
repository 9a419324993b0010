package dev.commonhold.community.registry.web;

import dev.commonhold.community.registry.RegistryFixture;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.commonhold.community.registry.web.RegistryApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk onboarding from an operator's spreadsheet: all or nothing, every bad cell named. */
@IntegrationTest
class ImportIT {

    private static final Logger log = LoggerFactory.getLogger(ImportIT.class);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    RegistryFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new RegistryFixture(port);
    }

    @Test
    void threeThousandUnitsImportInOneGoAndCountAsVotesDo() {
        UUID community = fixture.registerCommunity("大型社区", "110105");

        long started = System.nanoTime();
        ApiResponse response = fixture.importSheet(community, RegistryFixture.sheet(3000));
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("imported 3000 units in {} ms", millis);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode summary = response.json();
        assertThat(summary.get("unitsCreated").asInt()).isEqualTo(3000);
        assertThat(summary.get("buildingsCreated").asInt()).isEqualTo(50);
        // 2985 flats of people, every 50th owner holding two (60 pairs), plus the developer: 2925 + 1
        assertThat(summary.get("ownersCreated").asInt()).isEqualTo(2926);
        JsonNode register = fixture.as(fixture.operator()).get("/api/community/communities/" + community).json().get("register");
        assertThat(register.get("units").asInt()).isEqualTo(3000);
        assertThat(register.get("owners").asInt()).isEqualTo(2926);
        assertThat(outboxEventsOf(community, "community.unit-registered.v1")).isEqualTo(3000);
    }

    @Test
    void badRowsAreListedByRowAndColumnAndNothingIsStored() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        String sheet = RegistryFixture.sheet(20)
                .replaceFirst("\n1,103,1,47\\.02,", "\n1,103,1,47.025,")
                .replaceFirst(",residential,OWN-4,", ",castle,OWN-4,");

        ApiResponse response = fixture.importSheet(community, sheet);

        assertProblem(response, 422, "import-rejected");
        assertThat(response.json().get("errorCount").asInt()).isEqualTo(2);
        assertThat(response.json().get("errors").findValuesAsString("column")).containsExactly("exclusive_area_m2", "use");
        assertThat(response.json().get("errors").findValues("row").stream().map(JsonNode::asInt)).containsExactly(4, 6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM unit WHERE community_id = ?", Long.class, community)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM owner WHERE community_id = ?", Long.class, community)).isZero();
        assertThat(outboxEventsOf(community, "community.unit-registered.v1")).isZero();
    }

    @Test
    void chineseExcelFileInGbkWithChineseHeadersImports() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        String sheet = """
                楼栋,房号,楼层,专有面积,用途,业主编号,业主姓名,业主类型,联系电话,备注
                3号楼,101,1,89.37,住宅,A001,张三,业主,13800138000,东户
                3号楼,102,1,76.20,住宅,A001,张三,业主,13800138000,
                3号楼,103,1,120.00,商业,DEV,劲松置业有限公司,建设单位,,未售
                """;

        ApiResponse response = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/imports",
                sheet.getBytes(Charset.forName("GBK")), "text/csv");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("exclusiveAreaM2").decimalValue()).isEqualByComparingTo("285.57");
        assertThat(jdbc.queryForList("SELECT name FROM owner WHERE community_id = ? ORDER BY name", String.class, community))
                .containsExactly("劲松置业有限公司", "张三");
    }

    @Test
    void aRowWithACellMoreThanTheHeaderIsRefusedNotReadAsAnotherArea() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        String sheet = "building,unit,use,owner_ref,owner_name,owner_kind,exclusive_area_m2\n"
                + "1号楼,S01,商业,O-101,某某商贸,业主,1,234.56\n"; // an unquoted thousands separator: 1,234.56 m² is not 1.00 m²

        ApiResponse response = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/imports",
                sheet.getBytes(StandardCharsets.UTF_8), "text/csv");

        assertProblem(response, 422, "import-rejected");
        assertThat(response.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(response.json().get("errors").get(0).get("message").asString()).startsWith("7 cells expected (as in the header), 8 found");
        assertThat(fixture.as(fixture.operator()).get("/api/community/communities/" + community + "/units").json().get("items")).isEmpty();
    }

    @Test
    void aGbkFileDeclaredAsUtf8IsRefusedNamingTheEncodingNotStoredAsReplacementCharacters() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        String sheet = RegistryFixture.sheet(3).replace("1,101,", "2号楼,101,");

        ApiResponse response = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/imports",
                sheet.getBytes(Charset.forName("GBK")), "text/csv; charset=utf-8");

        assertProblem(response, 422, "import-rejected");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("not valid UTF-8");
        assertThat(fixture.as(fixture.operator()).get("/api/community/communities/" + community + "/units").json().get("items")).isEmpty();
    }

    @Test
    void aNulCharacterInACellOrInACommunitysNameIsRefusedNamingItNotAConflict() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        String sheet = RegistryFixture.sheet(3).replace("劲松置业有限公司", "劲松\u0000测试");

        ApiResponse csv = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/imports",
                sheet.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertProblem(csv, 422, "import-rejected");
        assertThat(csv.json().get("errors").get(0).get("column").asString()).isEqualTo("owner_name");

        java.util.Map<String, Object> request = RegistryFixture.communityRequest("劲松\u0000测试", "110105");
        ApiResponse json = fixture.as(fixture.operator()).post("/api/community/communities", request);
        assertProblem(json, 400, "validation");
        assertThat(json.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
    }

    @Test
    void utf8WithAByteOrderMarkImports() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] sheet = RegistryFixture.sheet(3).getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + sheet.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(sheet, 0, file, bom.length, sheet.length);

        ApiResponse response = fixture.as(fixture.operator()).post("/api/community/communities/" + community + "/imports", file, "text/csv");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void missingColumnsAreNamed() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");

        ApiResponse response = fixture.importSheet(community, "building,unit,exclusive_area_m2\n1,101,80\n");

        assertProblem(response, 422, "import-rejected");
        assertThat(response.json().get("errors").findValuesAsString("column")).containsExactly("use", "owner_ref", "owner_name", "owner_kind");
    }

    @Test
    void importingTheSameUnitsAgainIsRefusedRowByRow() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");
        assertThat(fixture.importSheet(community, RegistryFixture.sheet(10)).status()).isEqualTo(201);

        ApiResponse again = fixture.importSheet(community, RegistryFixture.sheet(10));

        assertProblem(again, 422, "import-rejected");
        assertThat(again.json().get("errorCount").asInt()).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM unit WHERE community_id = ?", Long.class, community)).isEqualTo(10);
    }

    @Test
    void onlyTheOperatingCompanyMayImport() {
        UUID community = fixture.registerCommunity("劲松北社区", "110105");

        assertProblem(fixture.as(fixture.committee(community)).post("/api/community/communities/" + community + "/imports",
                RegistryFixture.sheet(2).getBytes(StandardCharsets.UTF_8), "text/csv"), 403, "forbidden");
        assertProblem(fixture.as(fixture.otherOperator()).post("/api/community/communities/" + community + "/imports",
                RegistryFixture.sheet(2).getBytes(StandardCharsets.UTF_8), "text/csv"), 404, "not-found");
    }

    private long outboxEventsOf(UUID community, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE event_type = ? AND envelope LIKE ?", Long.class,
                type, "%\"communityId\":\"" + community + "\"%");
    }
}
