package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo community's maintenance fund: once the fund has opened a sub-account for every unit of
 * the register, the operator takes over the balances the housing bureau's ledger held on
 * 2026-06-30 — most units near their initial deposit (100 yuan/m², Beijing's rule), the first-floor
 * flats of 3号楼 at a fifth of it after an earlier drain repair, so they are demanded a top-up (F3).
 * The committee's open vote on 1号楼's roof is the vote of a roof project, its shares shown per
 * flat: when the vote is decided, the project is approved or refused by it.
 */
final class DemoFund {

    static final String AS_OF = "2026-06-30";

    private final Api operator;
    private final Api committee;
    private final Progress progress;

    DemoFund(Api operator, Api committee, Progress progress) {
        this.operator = operator;
        this.committee = committee;
        this.progress = progress;
    }

    void seed(String community, int units) {
        String fund = "/api/fund/communities/" + community;
        JsonNode summary = awaitSubAccounts(fund, units);
        if (summary.get("subAccountsFen").asLong() == 0) {
            takeOver(fund);
        }
        if (expect(operator.get(fund + "/projects"), 200).isEmpty()) {
            roofProject(community, fund);
        }
    }

    private void roofProject(String community, String fund) {
        String building1 = expect(operator.get("/api/community/communities/" + community + "/buildings"), 200).valueStream()
                .filter(b -> b.get("name").asString().equals("1号楼")).findFirst().orElseThrow().get("id").asString();
        String vote = expect(committee.get("/api/community/communities/" + community + "/resolutions?limit=500"), 200).get("items").valueStream()
                .filter(r -> r.get("title").asString().equals(DemoSeed.DEMO_VOTE)).findFirst().orElseThrow().get("id").asString();
        String project = expect(operator.post(fund + "/projects", java.util.Map.of("title", "1号楼屋面防水维修", "category", "roof",
                "estimateFen", 18_640_000, "contractor", "北京劲松防水工程有限公司", "contractorAccount", "110060149018170012345",
                "buildingIds", java.util.List.of(building1))), 201).get("id").asString();
        expect(committee.post(fund + "/projects/" + project + "/vote", java.util.Map.of("resolutionId", vote)), 200);
        progress.say("maintenance fund: 1号楼 roof project (186,400.00 yuan over 60 flats by area) waits for the open vote");
    }

    private void takeOver(String fund) {
        StringBuilder sheet = new StringBuilder("楼栋,房号,余额（元）\n");
        for (JsonNode account : expect(operator.get(fund + "/sub-accounts"), 200)) {
            String[] unit = account.get("unit").asString().split("-", 2);
            long initial = account.get("initialDepositFen").asLong();
            boolean drained = unit[0].equals("3号楼") && unit[1].startsWith("1");
            long balance = drained ? initial / 5 : initial - initial * (Math.abs(unit[1].hashCode()) % 15) / 100;
            sheet.append(unit[0]).append(',').append(unit[1]).append(',').append(balance / 100).append('.')
                    .append(String.format("%02d", balance % 100)).append('\n');
        }
        JsonNode imported = expect(operator.post(fund + "/opening-balances?asOf=" + AS_OF, sheet.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv"), 201);
        progress.say("maintenance fund: %d sub-accounts taken over as of %s, %s yuan in all; %d below 30%% demanded a top-up".formatted(
                imported.get("units").asInt(), AS_OF, "%,d.%02d".formatted(imported.get("totalFen").asLong() / 100, imported.get("totalFen").asLong() % 100),
                imported.get("topUpsDemanded").asInt()));
    }

    private JsonNode awaitSubAccounts(String fund, int units) {
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse summary = operator.get(fund + "/summary");
            if (summary.status() == 200 && summary.json().get("subAccounts").asInt() >= units) {
                return summary.json();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the maintenance fund did not open " + units + " sub-accounts within " + DemoSeed.EVENT_WAIT.toSeconds() + " s; see .devstack/logs/maintenance-fund.log");
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding the maintenance fund failed: " + response);
        }
        return response.json();
    }
}
