package dev.commonhold.parking.gate.web;

import dev.commonhold.parking.support.ParkingFixture;
import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.http.ApiResponse;
import dev.commonhold.platform.testkit.spring.IntegrationTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.commonhold.parking.support.ParkingFixture.expect;
import static org.assertj.core.api.Assertions.assertThat;

/** The gate path end to end inside the service: cameras, sessions, prices, charges, payments, K4. */
@IntegrationTest
class GateIT {

    @LocalServerPort
    int port;

    ParkingFixture f;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void lot() {
        f = new ParkingFixture(port).registered().lot(300, 1);
    }

    /** FR2: the franchise's published caps bind with the lot's (the lowest wins); exactly at the cap passes, one fen over is refused. */
    @Test
    void aTariffAboveTheFranchisesPublishedCapIsRefusedNamingTheApproval() {
        ParkingFixture f = new ParkingFixture(port).registered().lot(50, 0);
        UUID agreement = UUID.randomUUID();
        f.franchiseCaps(agreement, 1, 500, 3_000);
        Map<String, Object> atCap = Map.of("audience", "RESIDENT_EXTRA_CAR", "freeMinutes", 30, "unitMinutes", 60, "firstHourFen", 500,
                "nextHourFen", 400, "dailyCapFen", 3_000);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.staff).post(f.lotPath() + "/tariffs", Map.of("audience", "VISITOR",
                "freeMinutes", 30, "unitMinutes", 60, "firstHourFen", 600, "nextHourFen", 400, "dailyCapFen", 3_000)).status() == 422);

        ApiResponse overDay = f.as(f.staff).post(f.lotPath() + "/tariffs", Map.of("audience", "VISITOR", "freeMinutes", 30, "unitMinutes", 60,
                "firstHourFen", 500, "nextHourFen", 400, "dailyCapFen", 3_001));
        assertThat(overDay.status()).isEqualTo(422);
        assertThat(overDay.json().get("rule").asString()).isEqualTo("FR2");
        assertThat(overDay.body()).contains("dailyCapFen").contains("京朝发改价〔2025〕7号");
        expect(f.as(f.staff).post(f.lotPath() + "/tariffs", atCap), 201);

        f.franchiseCaps(agreement, 2, 800, 5_000); // the amendment raising the caps: the lot's own (8 yuan, 50 yuan) bind again
        f.franchiseCaps(agreement, 1, 500, 2_000); // version 1 redelivered late changes nothing
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.as(f.staff).post(f.lotPath() + "/tariffs", Map.of("audience", "VISITOR",
                "effectiveFrom", Instant.now().plus(Duration.ofDays(1)).toString(), "freeMinutes", 30, "unitMinutes", 60, "firstHourFen", 800,
                "nextHourFen", 400, "dailyCapFen", 5_000)).status() == 201);
    }

    @Test
    void aVisitorEntersLeavesPaysAndTheBarrierOpensOnTheNextPoll() {
        JsonNode in = expect(f.read(f.entryGate(), "cam-1", "京A·12345", now.minus(Duration.ofMinutes(130))), 200);
        assertThat(in.get("open").asBoolean()).isTrue();
        assertThat(in.get("display").asString()).contains("欢迎光临", "京A·12345");
        JsonNode resend = expect(f.read(f.entryGate(), "cam-1", "京A·12345", now.minus(Duration.ofMinutes(130))), 200);
        assertThat(resend.get("duplicate").asBoolean()).isTrue();
        assertThat(resend.get("sessionId")).isEqualTo(in.get("sessionId"));
        assertThat(expect(f.as(f.owner1).get(f.lotPath() + "/occupancy"), 200).get("inside").asInt()).as("the same camera event twice is one car").isEqualTo(1);

        JsonNode out = expect(f.read(f.exitGate(), "cam-2", "京A12345", now), 200);
        assertThat(out.get("open").asBoolean()).isFalse();
        assertThat(out.get("feeFen").asLong()).as("2 h 10 min: 6 + 4 + 4 yuan").isEqualTo(1400);
        assertThat(out.get("display").asString()).contains("停车2小时10分", "请缴费14.00元");
        assertThat(out.get("payUrl").asString()).startsWith("/api/billing/communities/" + f.community + "/charges/");

        JsonNode charge = f.published("parking.charge-raised.v1", 1).getFirst();
        assertThat(charge.get("revenueClass").asString()).as("a lot on common land: owners' income (K1)").isEqualTo("parking_common");
        assertThat(charge.get("amountFen").asLong()).isEqualTo(1400);
        assertThat(charge.get("payer").get("kind").asString()).isEqualTo("plate");
        assertThat(charge.get("payer").get("reference").asString()).isEqualTo("京A12345");
        JsonNode closed = f.published("parking.session-closed.v1", 1).getFirst();
        assertThat(closed.get("outcome").asString()).isEqualTo("CHARGED");
        assertThat(closed.get("chargeId")).isEqualTo(charge.get("chargeId"));

        UUID settlement = UUID.randomUUID();
        UUID chargeId = UUID.fromString(charge.get("chargeId").asString());
        ParkingFixture.send(List.of(f.settled(settlement, chargeId, "京A12345", "parking_common", 1400, now),
                f.settled(settlement, chargeId, "京A12345", "parking_common", 1400, now)));
        String session = f.path() + "/sessions/" + out.get("sessionId").asString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> expect(f.as(f.staff).get(session), 200).get("status").asString().equals("PAID"));

        Map<String, Object> heartbeat = Map.of("AlarmInfoPlate", Map.of("serialno", f.exitGate(), "channel", 0));
        JsonNode poll = expect(f.as(f.camera).post(f.path() + "/cameras/vzenith", heartbeat), 200);
        assertThat(poll.get("Response_AlarmInfoPlate").get("info").asString()).isEqualTo("ok");
        assertThat(expect(f.as(f.camera).post(f.path() + "/cameras/vzenith", heartbeat), 200).get("status").asString())
                .as("the open command is delivered once").isEqualTo("ok");
        assertThat(expect(f.read(f.exitGate(), "cam-3", "京A12345", now.plusSeconds(1)), 200).get("open").asBoolean())
                .as("read again after paying: opens").isTrue();

        String today = f.lotPath() + "/revenue?day=" + LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode revenue = expect(f.as(f.owner1).get(today), 200);
        assertThat(revenue.get("settledFen").asLong()).as("the duplicate settlement counted once").isEqualTo(1400);
        assertThat(revenue.get("ownersSettledFen").asLong()).isEqualTo(1400);

        UUID reversal = UUID.randomUUID();
        ParkingFixture.send(List.of(f.reversed(reversal, settlement, "parking_common", 1400, now), f.reversed(reversal, settlement, "parking_common", 1400, now)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> expect(f.as(f.staff).get(session), 200).get("status").asString()
                .equals("RELEASED_UNPAID"));
        assertThat(expect(f.as(f.staff).get(session), 200).get("note").asString()).contains("reversed");
        assertThat(expect(f.as(f.owner1).get(today), 200).get("settledFen").asLong()).as("reversed once, though told twice").isZero();
    }

    @Test
    void withinTheFreePeriodTheBarrierOpens_andNothingIsCharged() {
        expect(f.read(f.entryGate(), "e1", "京B54321", now.minus(Duration.ofMinutes(30))), 200);
        JsonNode out = expect(f.read(f.exitGate(), "x1", "京B54321", now), 200);
        assertThat(out.get("open").asBoolean()).isTrue();
        assertThat(out.has("feeFen") && !out.get("feeFen").isNull()).isFalse();
    }

    @Test
    void k4_aConfusableReadMatchesTheCarInside_severalCandidatesWaitForStaff_noneChargesTheMinimumFee() {
        expect(f.read(f.entryGate(), "e1", "京A12348", now.minus(Duration.ofMinutes(50))), 200);
        JsonNode confusable = expect(f.read(f.exitGate(), "x1", "京A1234B", now), 200);
        JsonNode matched = expect(f.as(f.staff).get(f.path() + "/sessions/" + confusable.get("sessionId").asString()), 200);
        assertThat(matched.get("plate").asString()).isEqualTo("京A12348");
        assertThat(matched.get("matchedBy").asString()).isEqualTo("CONFUSABLE");
        assertThat(matched.get("exitPlateRead").asString()).isEqualTo("京A1234B");
        assertThat(matched.get("priceFen").asLong()).isEqualTo(600);

        expect(f.read(f.entryGate(), "e2", "京C11111", now.minus(Duration.ofMinutes(90))), 200);
        String second = expect(f.read(f.entryGate(), "e3", "京C11112", now.minus(Duration.ofMinutes(80))), 200).get("sessionId").asString();
        JsonNode ambiguous = expect(f.read(f.exitGate(), "x2", "京C11113", now), 200);
        assertThat(ambiguous.get("open").asBoolean()).isFalse();
        assertThat(ambiguous.get("display").asString()).contains("工作人员");
        JsonNode pending = expect(f.as(f.staff).get(f.lotPath() + "/pending-exits"), 200);
        assertThat(pending).hasSize(1);
        assertThat(pending.get(0).get("candidates").valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder("京C11111", "京C11112");
        JsonNode resolved = expect(f.as(f.staff).post(f.lotPath() + "/pending-exits/" + pending.get(0).get("eventId").asString() + "/resolution",
                Map.of("sessionId", second)), 200);
        assertThat(resolved.get("feeFen").asLong()).as("80 minutes: 6 + 4 yuan").isEqualTo(1000);
        assertThat(expect(f.as(f.staff).get(f.lotPath() + "/pending-exits"), 200)).isEmpty();

        JsonNode none = expect(f.read(f.exitGate(), "x3", "沪C99999", now), 200);
        assertThat(none.get("feeFen").asLong()).as("the lot's minimum fee").isEqualTo(500);
        JsonNode noEntry = expect(f.as(f.staff).get(f.path() + "/sessions/" + none.get("sessionId").asString()), 200);
        assertThat(noEntry.get("matchedBy").asString()).isEqualTo("NO_ENTRY");
        assertThat(noEntry.get("note").asString()).contains("K4");
        assertThat(expect(f.read(f.entryGate(), "late", "沪C99999", now.minus(Duration.ofMinutes(20))), 200).get("open").asBoolean())
                .as("its entry, pushed late by an offline camera, opens and does not make a second stay").isTrue();
        assertThat(expect(f.as(f.staff).get(f.lotPath() + "/sessions?plate=沪C99999"), 200)).hasSize(1);
    }

    @Test
    void aCarSeenEnteringAgainWithoutAnExitIsNotCountedTwice() {
        expect(f.read(f.entryGate(), "e1", "京D22222", now.minus(Duration.ofHours(5))), 200);
        expect(f.read(f.entryGate(), "e2", "京D22222", now.minus(Duration.ofHours(1))), 200);
        assertThat(expect(f.as(f.staff).get(f.lotPath() + "/occupancy"), 200).get("inside").asInt()).isEqualTo(1);
        assertThat(expect(f.as(f.staff).get(f.lotPath() + "/sessions?status=EXIT_MISSED"), 200)).hasSize(1);
    }

    @Test
    void anExitPushedLateByAnOfflineCameraEndsTheStayItBelongsTo_evenAfterTheCarCameBackIn() {
        expect(f.read(f.entryGate(), "o1", "京F33333", now.minus(Duration.ofHours(3))), 200);
        String again = expect(f.read(f.entryGate(), "o2", "京F33333", now.minus(Duration.ofMinutes(60))), 200).get("sessionId").asString();
        JsonNode late = expect(f.read(f.exitGate(), "o3", "京F33333", now.minus(Duration.ofMinutes(120))), 200);
        assertThat(late.get("feeFen").asLong()).as("10:00 to 11:00: the first hour").isEqualTo(600);
        assertThat(late.get("sessionId").asString()).isNotEqualTo(again);
        assertThat(expect(f.as(f.staff).get(f.lotPath() + "/occupancy"), 200).get("inside").asInt()).as("the car that came back is inside").isEqualTo(1);
        expect(f.read(f.entryGate(), "m1", "京M55555", now.minus(Duration.ofHours(5))), 200);
        expect(f.read(f.entryGate(), "m2", "京M55555", now.minus(Duration.ofHours(4))), 200); // the first stay's exit was missed
        assertThat(expect(f.read(f.exitGate(), "m3", "京M55555", now.minus(Duration.ofHours(3))), 200).get("feeFen").asLong()).isEqualTo(600);
        assertThat(expect(f.read(f.exitGate(), "m4", "京M55555", now), 200).get("feeFen").asLong())
                .as("a later exit with no entry seen is K4's minimum fee, never the old missed stay of 5 hours").isEqualTo(500);
        JsonNode unknownTime = expect(f.read(f.exitGate(), "o4", "京F33334", now.minus(Duration.ofMinutes(200))), 200);
        assertThat(unknownTime.get("feeFen").asLong()).as("one character off from a car that entered after this exit: not that car").isEqualTo(500);
    }

    @Test
    void k2_ownersFirst_aTenantWaitsBehindAnOwnerWhoAppliedLater_andAPermitHolderPassesFree() {
        for (var unit : List.of(Map.entry(f.owner1Unit, f.owner1), Map.entry(f.tenantUnit, f.tenant), Map.entry(f.owner2Unit, f.owner2))) {
            expect(f.as(unit.getValue()).post(f.path() + "/units/" + unit.getKey() + "/vehicles",
                    Map.of("plate", "京E0000" + (unit.getKey().equals(f.owner1Unit) ? 1 : unit.getKey().equals(f.tenantUnit) ? 2 : 3))), 201);
        }
        JsonNode first = expect(f.as(f.owner1).post(f.lotPath() + "/permit-applications", Map.of("unitId", f.owner1Unit, "plate", "京E00001", "months", 1)), 201);
        assertThat(first.get("status").asString()).isEqualTo("ISSUED");
        JsonNode tenant = expect(f.as(f.tenant).post(f.lotPath() + "/permit-applications", Map.of("unitId", f.tenantUnit, "plate", "京E00002", "months", 1)), 201);
        assertThat(tenant.get("owner").asBoolean()).isFalse();
        JsonNode owner2 = expect(f.as(f.owner2).post(f.lotPath() + "/permit-applications", Map.of("unitId", f.owner2Unit, "plate", "京E00003", "months", 1)), 201);
        assertThat(owner2.get("position").asInt()).as("the owner goes ahead of the tenant who applied first").isEqualTo(1);
        assertThat(expect(f.as(f.tenant).get(f.lotPath() + "/permit-applications/" + tenant.get("id").asString()), 200).get("position").asInt())
                .isEqualTo(2);
        assertThat(expect(f.as(f.staff).get(f.lotPath() + "/permit-applications"), 200).valueStream().map(a -> a.get("plate").asString()).toList())
                .containsExactly("京E00003", "京E00002");

        JsonNode permitCharge = f.published("parking.charge-raised.v1", 1).stream().filter(c -> c.get("payer").get("kind").asString().equals("unit"))
                .findFirst().orElseThrow();
        assertThat(permitCharge.get("amountFen").asLong()).isEqualTo(30000);
        assertThat(permitCharge.get("payer").get("unitId").asString()).isEqualTo(f.owner1Unit.toString());
        assertThat(f.published("parking.permit-issued.v1", 1).getFirst().get("plate").asString()).isEqualTo("京E00001");

        Instant validFrom = LocalDate.now(ZoneId.of("Asia/Shanghai")).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
        Instant entered = now.minus(Duration.ofHours(3)).isBefore(validFrom) ? validFrom : now.minus(Duration.ofHours(3));
        assertThat(expect(f.read(f.entryGate(), "p1", "京E00001", entered), 200).get("display").asString()).contains("欢迎回家");
        JsonNode out = expect(f.read(f.exitGate(), "p2", "京E00001", now), 200);
        assertThat(out.get("open").asBoolean()).as("a permit holder passes").isTrue();
        JsonNode stay = expect(f.as(f.staff).get(f.path() + "/sessions/" + out.get("sessionId").asString()), 200);
        assertThat(stay.get("audience").asString()).isEqualTo("PERMIT");
        assertThat(stay.get("status").asString()).isEqualTo("PASSED");
    }

    @Test
    void aResidentsExtraCarPaysTheResidentTariff_andLetOutUnpaidItsFeeIsTheHouseholdsArrears() {
        expect(f.as(f.staff).post(f.lotPath() + "/tariffs", Map.of("audience", "RESIDENT_EXTRA_CAR", "effectiveFrom", "2026-01-01T00:00:00Z",
                "freeMinutes", 60, "unitMinutes", 60, "firstHourFen", 300, "nextHourFen", 200, "dailyCapFen", 2000)), 201);
        expect(f.as(f.owner2).post(f.path() + "/units/" + f.owner2Unit + "/vehicles", Map.of("plate", "京G44444")), 201);
        expect(f.read(f.entryGate(), "r1", "京G44444", now.minus(Duration.ofMinutes(150))), 200);
        JsonNode out = expect(f.read(f.exitGate(), "r2", "京G44444", now), 200);
        assertThat(out.get("feeFen").asLong()).as("2 h 30 min at the resident rate: 3 + 2 + 2 yuan").isEqualTo(700);
        JsonNode charge = f.published("parking.charge-raised.v1", 1).stream()
                .filter(c -> c.get("payer").get("reference").asString().equals("京G44444")).findFirst().orElseThrow();
        assertThat(charge.get("payer").get("unitId").asString()).as("the household the car is registered to").isEqualTo(f.owner2Unit.toString());
        assertThat(charge.get("description").asString()).contains("住户车辆");

        JsonNode released = expect(f.as(f.staff).post(f.path() + "/sessions/" + out.get("sessionId").asString() + "/release",
                Map.of("reason", "业主称忘带手机，次日补缴")), 200);
        assertThat(released.get("status").asString()).isEqualTo("RELEASED_UNPAID");
        assertThat(f.as(f.staff).post(f.path() + "/sessions/" + out.get("sessionId").asString() + "/release", Map.of("reason", "again")).status())
                .as("released once").isEqualTo(409);
        Map<String, Object> heartbeat = Map.of("AlarmInfoPlate", Map.of("serialno", f.exitGate()));
        assertThat(expect(f.as(f.camera).post(f.path() + "/cameras/vzenith", heartbeat), 200).get("Response_AlarmInfoPlate").get("info").asString())
                .as("the barrier opens for the released car").isEqualTo("ok");
    }

    @Test
    void fourRenewalsAtOnceAddFourMonths_eachChargedOnce() throws Exception {
        expect(f.as(f.owner1).post(f.path() + "/units/" + f.owner1Unit + "/vehicles", Map.of("plate", "京H17885")), 201);
        JsonNode issued = expect(f.as(f.owner1).post(f.lotPath() + "/permit-applications", Map.of("unitId", f.owner1Unit, "plate", "京H17885",
                "months", 1)), 201);
        String permit = issued.get("permit").get("id").asString();
        LocalDate firstEnd = LocalDate.parse(issued.get("permit").get("validTo").asString());
        List<java.util.concurrent.CompletableFuture<ApiResponse>> renewals = java.util.stream.IntStream.range(0, 4).mapToObj(i ->
                java.util.concurrent.CompletableFuture.supplyAsync(() -> f.as(f.owner1).post(f.lotPath() + "/permits/" + permit + "/renewal",
                        Map.of("months", 1)))).toList();
        assertThat(renewals.stream().map(r -> r.join().status()).toList()).containsOnly(200);
        JsonNode permits = expect(f.as(f.staff).get(f.lotPath() + "/permits"), 200);
        LocalDate expected = firstEnd;
        for (int i = 0; i < 4; i++) {
            expected = expected.plusDays(1).plusMonths(1).minusDays(1); // each renewal continues from the day after the last
        }
        assertThat(LocalDate.parse(permits.get(0).get("validTo").asString())).isEqualTo(expected);
        List<JsonNode> charges = f.published("parking.charge-raised.v1", 5).stream()
                .filter(c -> c.get("description").asString().contains("京H·17885")).toList();
        assertThat(charges).hasSize(5);
        assertThat(charges.stream().map(c -> c.get("periodStart").asString()).distinct().count()).as("five different months").isEqualTo(5);
    }

    @Test
    void badInputIsAClearAnswerAndChangesNothing() {
        JsonNode unreadable = expect(f.read(f.entryGate(), "bad-1", "??", now), 200);
        assertThat(unreadable.get("open").asBoolean()).isFalse();
        assertThat(unreadable.get("display").asString()).contains("未识别车牌");
        ApiResponse missing = f.as(f.camera).post(f.path() + "/gate-events", Map.of("cameraEventId", "x", "plate", "京A12345", "capturedAt", now.toString()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("gateSerial");
        ApiResponse future = f.read(f.entryGate(), "fut", "京A12345", now.plus(Duration.ofHours(1)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("capturedAt");
        ApiResponse overCap = f.as(f.staff).post(f.lotPath() + "/tariffs", Map.of("audience", "VISITOR", "freeMinutes", 15, "unitMinutes", 60,
                "firstHourFen", 801, "nextHourFen", 400, "dailyCapFen", 4000));
        assertThat(overCap.status()).isEqualTo(422);
        assertThat(overCap.json().get("rule").asString()).isEqualTo("FR2");
        assertThat(overCap.body()).contains("firstHourFen");
        expect(f.as(f.owner1).post(f.path() + "/units/" + f.owner1Unit + "/vehicles", Map.of("plate", "京J88888")), 201);
        assertThat(f.as(f.owner2).post(f.path() + "/units/" + f.owner2Unit + "/vehicles", Map.of("plate", "京J88888")).status())
                .as("another household's car").isEqualTo(409);
        assertThat(f.as(f.owner2).delete(f.path() + "/units/" + f.owner1Unit + "/vehicles/京J88888").status()).as("not theirs to remove").isEqualTo(403);
        assertThat(f.as(f.owner1).delete(f.path() + "/units/" + f.owner1Unit + "/vehicles/京J88888").status()).as("sold").isEqualTo(204);
        expect(f.as(f.owner2).post(f.path() + "/units/" + f.owner2Unit + "/vehicles", Map.of("plate", "京J88888")), 201);
        ApiResponse badPlate = f.as(f.owner1).post(f.path() + "/units/" + f.owner1Unit + "/vehicles", Map.of("plate", "ABC"));
        assertThat(badPlate.status()).isEqualTo(422);
        assertThat(badPlate.json().get("rule").asString()).isEqualTo("K5");
        assertThat(f.as(f.staff).get(f.lotPath() + "/occupancy").json().get("inside").asInt()).isZero();

        var otherCamera = Infra.tokens().user("cam-other").roles("gate-device").company(UUID.randomUUID());
        assertThat(f.as(otherCamera).post(f.path() + "/gate-events", Map.of("gateSerial", f.entryGate(), "cameraEventId", "o1", "plate", "京A12345",
                "capturedAt", now.toString())).status()).as("another operator's camera").isEqualTo(404);
        assertThat(f.as(f.owner1).get(f.lotPath() + "/sessions").status()).as("a resident does not see who parked").isEqualTo(403);
        assertThat(f.as(f.owner1).post(f.path() + "/gate-events", Map.of("gateSerial", f.entryGate(), "cameraEventId", "o2", "plate", "京A12345",
                "capturedAt", now.toString())).status()).as("a resident is no camera").isEqualTo(403);
        ApiResponse ancient = f.read(f.entryGate(), "old", "京A12345", Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(ancient.status()).as("a camera clock at 1970 prices no stay").isEqualTo(400);
        assertThat(ancient.body()).contains("capturedAt");
        assertThat(f.read(f.entryGate(), "thirty", "京A12345", now.minus(Duration.ofDays(31))).status()).isEqualTo(400);
        expect(f.read(f.entryGate(), "same-id", "京A11111", now), 200);
        assertThat(f.read(f.entryGate(), "same-id", "京A22222", now).status()).as("one camera event id, another plate").isEqualTo(409);
        Map<String, Object> huge = Map.of("AlarmInfoPlate", Map.of("serialno", f.entryGate(), "result", Map.of("PlateResult", Map.of("license", "京E12345",
                "plateid", 1, "confidence", 50, "timeStamp", Map.of("Timeval", Map.of("sec", 1e30))))));
        ApiResponse hugeTime = f.as(f.camera).post(f.path() + "/cameras/vzenith", huge);
        assertThat(hugeTime.status()).isEqualTo(400);
        assertThat(hugeTime.body()).contains("Timeval.sec");
        Map<String, Object> sure = Map.of("AlarmInfoPlate", Map.of("serialno", f.entryGate(), "result", Map.of("PlateResult", Map.of("license", "京E12345",
                "plateid", 2, "confidence", 500, "timeStamp", Map.of("Timeval", Map.of("sec", now.getEpochSecond()))))));
        assertThat(f.as(f.camera).post(f.path() + "/cameras/vzenith", sure).body()).contains("confidence");
        assertThat(f.as(f.staff).get(f.lotPath() + "/occupancy").json().get("inside").asInt()).as("only the one good read").isEqualTo(1);
    }

    @Test
    void aVzenithCameraGetsItsOwnAnswerWithTheDisplayInGbk() {
        Map<String, Object> plate = Map.of("license", "京A66666", "colorType", 1, "confidence", 96, "plateid", 777, "isoffline", 0,
                "timeStamp", Map.of("Timeval", Map.of("sec", now.getEpochSecond(), "usec", 0)), "imageFile", Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}));
        Map<String, Object> push = Map.of("AlarmInfoPlate", Map.of("serialno", f.entryGate(), "channel", 0, "result", Map.of("PlateResult", plate)));
        JsonNode answer = expect(f.as(f.camera).post(f.path() + "/cameras/vzenith", push), 200).get("Response_AlarmInfoPlate");
        assertThat(answer.get("info").asString()).isEqualTo("ok");
        byte[] display = Base64.getDecoder().decode(answer.get("serialData").get(0).get("data").asString());
        assertThat(new String(display, Charset.forName("GBK"))).isEqualTo("欢迎光临 京A·66666");
        assertThat(expect(f.as(f.camera).post(f.path() + "/cameras/vzenith", push), 200).get("Response_AlarmInfoPlate").get("info").asString())
                .as("a resend").isEqualTo("ok");
        assertThat(expect(f.as(f.staff).get(f.lotPath() + "/occupancy"), 200).get("inside").asInt()).isEqualTo(1);
    }
}
