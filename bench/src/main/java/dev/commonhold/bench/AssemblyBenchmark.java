package dev.commonhold.bench;

import dev.commonhold.devstack.DemoSpreadsheet;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.keycloak.KeycloakClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole-community vote on a 3,000-unit register: opening (fixing the electorate), paper ballots
 * recorded by the committee (the ballot API's write path), the live participation view, and the
 * decision the service takes by itself when the window ends (rule V10: a vote is never closed
 * early), which tallies everything and publishes the result. Straight to the community service.
 */
final class AssemblyBenchmark {

    /** Long enough for 3,000 ballots on 2 cores; the bench then waits for the rest of it. */
    private static final Duration WINDOW = Duration.ofSeconds(90);
    private static final String EVIDENCE = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    record Result(Latencies httpFloor, double openMillis, Latencies sequentialBallots, double concurrentBallotsPerSecond, int voters, int ballots,
                  Latencies view, double decidedAfterWindowMillis, String outcome) {
    }

    private AssemblyBenchmark() {
    }

    static Result run(String communityUrl, KeycloakClient identity) throws Exception {
        Api anonymous = new Api(communityUrl);
        Latencies floor = Latencies.measure(200, 1_000, () -> expect(anonymous.get("/actuator/health/readiness"), 200));
        Api operator = new Api(communityUrl).as(identity.passwordToken("operator", "operator"));
        String community = operator.post("/api/community/communities", Map.of("name", "大型社区表决", "city", "北京市", "district", "朝阳区",
                "divisionCode", "110105")).json().get("id").asString();
        expect(operator.post("/api/community/communities/" + community + "/imports", DemoSpreadsheet.csv(50).getBytes(StandardCharsets.UTF_8), "text/csv"), 201);
        identity.setAttributes("committee", Map.of("communities", List.of(community)));
        Api committee = new Api(communityUrl).as(identity.passwordToken("committee", "committee"));
        String path = "/api/community/communities/" + community + "/resolutions";
        Instant closesAt = Instant.now().plus(WINDOW).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String resolution = expect(committee.post(path, Map.of("title", "2027 年度预算", "matter", "annual_budget",
                "electorate", Map.of("scope", "whole_community"), "closesAt", closesAt.toString())), 201).get("id").asString();
        path = path + "/" + resolution;

        long start = System.nanoTime();
        expect(committee.post(path + "/open", ""), 200);
        double openMillis = (System.nanoTime() - start) / 1e6;
        List<String> voters = expect(committee.get(path + "/non-voters"), 200).findValuesAsString("ownerId");
        int sequential = 1_000;
        String ballots = path + "/recorded-ballots";
        AtomicInteger next = new AtomicInteger();
        Latencies oneByOne = Latencies.measure(0, sequential, () -> record(committee, ballots, voters.get(next.getAndIncrement())));
        int concurrentFrom = next.get();
        int concurrentTo = voters.size() * 9 / 10;
        start = System.nanoTime();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 16; c++) {
                callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < concurrentTo; i = next.getAndIncrement()) {
                        record(committee, ballots, voters.get(i));
                    }
                    return null;
                });
            }
        }
        double concurrentRate = (concurrentTo - concurrentFrom) / ((System.nanoTime() - start) / 1e9);
        String viewPath = path;
        Latencies view = Latencies.measure(5, 50, () -> expect(committee.get(viewPath), 200));
        if (Instant.now().isAfter(closesAt)) {
            throw new IllegalStateException("the ballots took longer than the " + WINDOW + " voting window: lengthen it");
        }
        tools.jackson.databind.JsonNode decided = awaitDecision(committee, path, closesAt);
        double decidedAfter = Duration.between(closesAt, Instant.parse(decided.get("decidedAt").asString())).toNanos() / 1e6;
        return new Result(floor, openMillis, oneByOne, concurrentRate, voters.size(), concurrentTo, view, decidedAfter,
                decided.get("tally").get("outcome").asString());
    }

    /** Waits out the window, then for the service's own decision (it looks for ended windows every 2 s in the local stack). */
    private static tools.jackson.databind.JsonNode awaitDecision(Api committee, String path, Instant closesAt) throws InterruptedException {
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), closesAt).toMillis()));
        for (Instant giveUp = closesAt.plusSeconds(60); Instant.now().isBefore(giveUp); Thread.sleep(50)) {
            tools.jackson.databind.JsonNode vote = expect(committee.get(path), 200);
            if (vote.get("status").asString().equals("DECIDED")) {
                return vote;
            }
        }
        throw new IllegalStateException("the vote was not decided within 60 s of its window's end");
    }

    private static void record(Api committee, String path, String owner) {
        expect(committee.post(path, Map.of("ownerId", owner, "choice", "APPROVE", "channel", "PAPER", "evidenceSha256", EVIDENCE)), 201);
    }

    private static tools.jackson.databind.JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("benchmark request failed: " + response);
        }
        return response.json();
    }
}
