package dev.commonhold.community.registry;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.tokens.TestTokens;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Test data for the registry: users of every role, communities, and spreadsheets of any size. */
public final class RegistryFixture {

    public final UUID company = UUID.randomUUID();
    public final Api api;
    private final TestTokens tokens = Infra.tokens();

    public RegistryFixture(int port) {
        this.api = new Api("http://localhost:" + port);
    }

    public String operator() {
        return tokens.user("operator").roles("operator-admin").company(company).token();
    }

    public String staff() {
        return tokens.user("staff").roles("operator-staff").company(company).token();
    }

    public String otherOperator() {
        return tokens.user("rival").roles("operator-admin").company(UUID.randomUUID()).token();
    }

    public TestTokens.User resident(UUID community) {
        return tokens.user("resident").roles("resident").communities(community);
    }

    public String committee(UUID community) {
        return tokens.user("committee").roles("resident", "committee").communities(community).token();
    }

    public String regulator(String... jurisdiction) {
        return tokens.user("regulator").roles("regulator").jurisdiction(jurisdiction).token();
    }

    public Api as(String token) {
        return api.as(token);
    }

    public UUID registerCommunity(String name, String divisionCode) {
        ApiResponse created = as(operator()).post("/api/community/communities", communityRequest(name, divisionCode));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    public static Map<String, Object> communityRequest(String name, String divisionCode) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("city", "北京市");
        request.put("district", "朝阳区");
        request.put("divisionCode", divisionCode);
        request.put("address", "劲松北路 1 号");
        request.put("declaredFloorAreaM2", 120000.50);
        return request;
    }

    public ApiResponse importSheet(UUID community, String csv) {
        return as(operator()).post("/api/community/communities/" + community + "/imports", csv.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    /**
     * A spreadsheet of {@code units} flats in buildings of 60 (6 floors × 10), every 50th owner
     * holding two flats, the last 15 flats still the developer's.
     */
    public static String sheet(int units) {
        StringBuilder csv = new StringBuilder("building,unit,floor,exclusive_area_m2,use,owner_ref,owner_name,owner_kind,owner_phone\n");
        for (int i = 0; i < units; i++) {
            int building = i / 60 + 1;
            int floor = (i % 60) / 10 + 1;
            int unit = floor * 100 + i % 10 + 1;
            boolean developer = i >= units - 15;
            String owner = developer ? "DEV" : "OWN-" + (i % 50 == 1 ? i - 1 : i);
            csv.append(building).append(',').append(unit).append(',').append(floor).append(',')
                    .append(45 + i % 80).append('.').append(String.format("%02d", i % 100)).append(",residential,")
                    .append(owner).append(',').append(developer ? "劲松置业有限公司" : "业主" + owner.substring(4)).append(',')
                    .append(developer ? "developer" : "person").append(',').append(developer ? "" : "138" + String.format("%08d", i)).append('\n');
        }
        return csv.toString();
    }

    public static List<String> rowsOf(String csv) {
        return csv.lines().skip(1).toList();
    }
}
