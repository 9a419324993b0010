package dev.commonhold.devstack;

import dev.commonhold.platform.testkit.Infra;
import dev.commonhold.platform.testkit.Ports;
import dev.commonhold.platform.testkit.http.Api;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A billing run killed with SIGKILL in the middle and started again issues exactly one invoice
 * (and one invoice-issued event, from its chunk's outbox row) per unit and period, and reports the right progress. The run is a
 * company's, over several communities, so both of billing's lanes are at work when it dies. Billing
 * runs as its own process from its jar, as in production.
 */
@org.junit.jupiter.api.Order(0) // before the shared demo stack starts (DemoStack): never two stacks at once
class BillingRunCrashIT {

    private static final int COMMUNITIES = 8;
    private static final int UNITS = 200_000;

    @Test
    void aRunKilledMidwayResumesAndIssuesEveryInvoiceExactlyOnce() throws Exception {
        PostgresServer postgres = Infra.postgres();
        String database = "crash_" + UUID.randomUUID().toString().substring(0, 8);
        Services.Spec spec = Services.billing(RepoRoot.locate(), new Services.Infrastructure(postgres.jdbcUrl(database),
                Infra.kafka().bootstrapServers(), Infra.tokens().issuerUri()), Ports.free(), Map.of());
        Databases.prepare(postgres, database, List.of(spec));
        Path logs = Path.of("target", "crash-logs");
        java.nio.file.Files.createDirectories(logs);
        ServiceProcess billing = ServiceProcess.start(spec, logs);
        try {
            billing.awaitReady(Duration.ofMinutes(2));
            UUID company = UUID.randomUUID();
            registerCopy(postgres, database, company);
            Api operator = new Api(billing.url()).as(Infra.tokens().user("operator").roles("operator-admin").company(company).token());
            String run = operator.post("/api/billing/runs", Map.of("companyId", company.toString(), "period", "2027-01")).json().get("id").asString();

            JsonNode midway = awaitProgress(operator, run);
            billing.kill();
            assertThat(midway.get("status").asString()).isEqualTo("RUNNING");
            int committedBeforeKill = count(postgres, database, "SELECT count(*) FROM billing.invoice");
            assertThat(committedBeforeKill).as("killed in the middle").isBetween(1, UNITS - 1);

            billing = ServiceProcess.start(spec, logs);
            billing.awaitReady(Duration.ofMinutes(2));
            JsonNode done = awaitDone(new Api(billing.url()).as(Infra.tokens().user("operator").roles("operator-admin").company(company).token()), run);

            assertThat(done.get("status").asString()).isEqualTo("DONE");
            assertThat(done.get("doneUnits").asInt()).isEqualTo(UNITS);
            assertThat(done.get("issued").asInt()).isEqualTo(UNITS);
            assertThat(done.get("percent").asInt()).isEqualTo(100);
            assertThat(count(postgres, database, "SELECT count(*) FROM billing.invoice")).isEqualTo(UNITS);
            assertThat(count(postgres, database, "SELECT count(DISTINCT payer_unit_id) FROM billing.invoice")).isEqualTo(UNITS);
            // One outbox row per chunk stands for its invoices' invoice-issued events (the relay renders them): every invoice
            // lies in exactly one row's range, and each has the id its event is published with.
            assertThat(count(postgres, database, """
                    SELECT count(*) FROM billing.outbox_event o JOIN billing.invoice i
                      ON i.id BETWEEN (o.envelope::json->>'firstInvoice')::uuid AND (o.envelope::json->>'lastInvoice')::uuid
                     AND i.billing_run_id = (o.envelope::json->>'runId')::uuid AND i.community_id = (o.envelope::json->>'communityId')::uuid
                    WHERE o.event_type = 'billing.invoice-issued.v1+chunk'""")).as("each invoice in one chunk row").isEqualTo(UNITS);
            assertThat(count(postgres, database, "SELECT count(DISTINCT issued_event_id) FROM billing.invoice")).isEqualTo(UNITS);
            assertThat(count(postgres, database, "SELECT count(*) FROM billing.billing_run_lane WHERE finished")).as("every lane finished")
                    .isEqualTo(count(postgres, database, "SELECT lanes FROM billing.billing_run")).isEqualTo(2);
            assertThat(count(postgres, database, "SELECT (sum(total_fen) = (SELECT issued_fen FROM billing.billing_run))::int FROM billing.invoice"))
                    .as("the fen reported are the fen issued").isEqualTo(1);
        } finally {
            billing.close();
        }
    }

    private static void registerCopy(PostgresServer postgres, String database, UUID company) {
        for (int c = 0; c < COMMUNITIES; c++) {
            UUID community = UUID.randomUUID();
            postgres.execute(database,
                    "INSERT INTO billing.community VALUES ('%s', '劲松北社区%d', '110105', 'Asia/Shanghai', '%s')".formatted(community, c, company),
                    ("INSERT INTO billing.unit (id, community_id, building_name, number, area_centi, use, owner_id) SELECT gen_random_uuid(), '%s', "
                            + "(1 + u / 100) || '号楼', (100 + u %% 100)::text, 5000 + u %% 7000, 'RESIDENTIAL', gen_random_uuid() FROM generate_series(1, %d) u")
                            .formatted(community, UNITS / COMMUNITIES),
                    "INSERT INTO billing.fee_plan VALUES ('%s', '物业费', 'MONTHLY', 14, 0, 0, now(), 'test')".formatted(community),
                    "INSERT INTO billing.fee_price VALUES ('%s', 'RESIDENTIAL', '2020-01-01', 145)".formatted(community));
        }
        postgres.execute(database, "ANALYZE billing.unit");
    }

    private static JsonNode awaitProgress(Api operator, String run) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode state = operator.get("/api/billing/runs/" + run).json();
            if (state.get("doneUnits").asInt() > 0) {
                return state;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run made no progress");
    }

    private static JsonNode awaitDone(Api operator, String run) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode state = operator.get("/api/billing/runs/" + run).json();
            if (!state.get("status").asString().equals("RUNNING")) {
                return state;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the resumed run did not finish");
    }

    private static int count(PostgresServer postgres, String database, String sql) {
        return Integer.parseInt(postgres.query(database, sql).getFirst().getFirst());
    }
}
