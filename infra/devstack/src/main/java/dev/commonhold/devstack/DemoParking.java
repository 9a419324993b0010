package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The demo community's car park: one lot of 300 spaces of all three kinds — 60 private spaces of
 * 1号楼's flats, 180 on common land (visitors pay here: owners' income, K1), 60 in the garage the
 * operator built (its monthly permits) — two cameras, tariffs within the approved caps, and the
 * last 24 hours of gate traffic sent by the gate camera's own machine login, as a camera would.
 */
public final class DemoParking {

    static final String LOT = "东区停车场";
    public static final String ENTRY = "VZ-DEMO-IN-1";
    public static final String EXIT = "VZ-DEMO-OUT-1";
    private static final int CARS = 160;

    private final Api staff;
    private final Api camera;
    private final Api operator;
    private final Progress progress;

    DemoParking(Api staff, Api camera, Api operator, Progress progress) {
        this.staff = staff;
        this.camera = camera;
        this.operator = operator;
        this.progress = progress;
    }

    void seed(String community) {
        String path = "/api/parking/communities/" + community;
        awaitCommunity(path);
        if (expect(staff.get(path + "/lots"), 200).valueStream().anyMatch(l -> l.get("name").asString().equals(LOT))) {
            return;
        }
        Map<String, Object> lot = new HashMap<>(Map.of("name", LOT, "capacity", 300, "visitorSpaceKind", "COMMON_LAND", "minimumFeeFen", 500,
                "maxHourFen", 800, "maxDailyFen", 5000, "permitQuota", 60, "permitMonthlyFen", 30000, "permitSpaceKind", "OPERATOR_OWNED",
                "permitGraceDays", 3));
        String lotPath = path + "/lots/" + expect(staff.post(path + "/lots", lot), 201).get("id").asString();
        expect(staff.post(lotPath + "/spaces", Map.of("spaces", spaces(community))), 201);
        expect(staff.post(lotPath + "/gates", Map.of("serial", ENTRY, "name", "东门入口", "direction", "ENTRY")), 201);
        expect(staff.post(lotPath + "/gates", Map.of("serial", EXIT, "name", "东门出口", "direction", "EXIT")), 201);
        String since = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> visitors = new HashMap<>(Map.of("audience", "VISITOR", "effectiveFrom", since, "freeMinutes", 30, "unitMinutes", 60,
                "firstHourFen", 600, "nextHourFen", 400, "nightStart", "19:00", "nightEnd", "07:00", "nightHourFen", 100));
        visitors.put("dailyCapFen", 4000);
        expect(staff.post(lotPath + "/tariffs", visitors), 201);
        expect(staff.post(lotPath + "/tariffs", Map.of("audience", "RESIDENT_EXTRA_CAR", "effectiveFrom", since, "freeMinutes", 60, "unitMinutes", 60,
                "firstHourFen", 300, "nextHourFen", 200, "dailyCapFen", 2000)), 201);
        int[] answered = traffic(path);
        progress.say("parking: %s, 300 spaces (60 private, 180 common land, 60 operator-built); %d gate reads of the last 24 h, %d cars inside"
                .formatted(LOT, answered[0], answered[1]));
    }

    /** 1号楼's first 60 flats each own a space; the rest are common land and the operator's garage. */
    private List<Map<String, Object>> spaces(String community) {
        String building1 = expect(operator.get("/api/community/communities/" + community + "/buildings"), 200).valueStream()
                .filter(b -> b.get("name").asString().equals("1号楼")).findFirst().orElseThrow().get("id").asString();
        List<JsonNode> flats = expect(operator.get("/api/community/communities/" + community + "/units?limit=60&buildingId=" + building1), 200)
                .get("items").valueStream().toList();
        List<Map<String, Object>> spaces = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> space = new HashMap<>();
            if (i < 60 && i < flats.size()) {
                space.putAll(Map.of("number", "P-%03d".formatted(i + 1), "kind", "PRIVATE", "unitId", flats.get(i).get("id").asString()));
            } else if (i < 240) {
                space.putAll(Map.of("number", "G-%03d".formatted(i - 59), "kind", "COMMON_LAND"));
            } else {
                space.putAll(Map.of("number", "B1-%03d".formatted(i - 239), "kind", "OPERATOR_OWNED"));
            }
            spaces.add(space);
        }
        return spaces;
    }

    /**
     * A day of visitors: each enters some time in the last 24 h and most leave after 10 minutes to 6 hours.
     * Four cars at a time, as at a busy gate (each car's entry before its exit): the demo is ready sooner.
     */
    private int[] traffic(String path) {
        Random random = new Random(20261130);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String provinces = "京京京京冀津鲁晋";
        List<Callable<Integer>> cars = new ArrayList<>();
        int inside = 0;
        for (int car = 0; car < CARS; car++) {
            String plate = provinces.charAt(random.nextInt(provinces.length())) + String.valueOf((char) ('A' + random.nextInt(8)))
                    + "%05d".formatted(random.nextInt(100_000));
            Instant in = now.minus(Duration.ofMinutes(30 + random.nextInt(24 * 60 - 30)));
            Instant out = in.plus(Duration.ofMinutes(10 + random.nextInt(360)));
            boolean leaves = out.isBefore(now);
            inside += leaves ? 0 : 1;
            int n = car;
            cars.add(() -> {
                expect(camera.post(path + "/gate-events", read(ENTRY, "in-" + n, plate, in)), 200);
                if (leaves) {
                    expect(camera.post(path + "/gate-events", read(EXIT, "out-" + n, plate, out)), 200);
                }
                return leaves ? 2 : 1;
            });
        }
        int reads = 0;
        try (ExecutorService gate = Executors.newFixedThreadPool(4)) {
            for (Future<Integer> sent : gate.invokeAll(cars)) {
                reads += sent.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
        return new int[]{reads, inside};
    }

    private static Map<String, Object> read(String gate, String id, String plate, Instant at) {
        return Map.of("gateSerial", gate, "cameraEventId", id, "plate", plate, "capturedAt", at.toString(), "confidence", 90);
    }

    private void awaitCommunity(String path) {
        long deadline = System.nanoTime() + DemoSeed.EVENT_WAIT.toNanos();
        while (staff.get(path + "/lots").status() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("parking did not learn of the demo community within " + DemoSeed.EVENT_WAIT.toSeconds() + " s; see .devstack/logs/parking.log");
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static JsonNode expect(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("seeding the demo car park failed: " + response);
        }
        return response.json();
    }
}
