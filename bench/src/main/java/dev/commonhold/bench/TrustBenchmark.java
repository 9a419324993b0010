package dev.commonhold.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.commonhold.platform.testkit.postgres.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trust accounts fed from Kafka, as in production: billing.payment-settled.v1 events for one
 * community are published to billing.events and the running trust-account service posts them (a
 * poll at a time: inbox, journal, value dates) — postings per second until the last is in the
 * ledger, against a raw PostgreSQL transfer transaction and a bare Kafka consumer measured in the
 * same run. Then that community's month, a million entries, as a statement: the JSON page and the
 * whole CSV, with the service's memory.
 */
final class TrustBenchmark {

    record Result(int events, double postSeconds, String postCpu, double rawTransfersPerSecond, double kafkaConsumePerSecond, double statementJsonMillis,
                  double statementCsvSeconds, long csvBytes, long serviceRssBeforeKb, long servicePeakRssKb) {
    }

    static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TrustBenchmark() {
    }

    static Result run(PostgresServer postgres, String bootstrap, String trustUrl, String token, long trustPid, int events) throws Exception {
        double raw = rawTransfers(postgres);
        UUID community = UUID.randomUUID();
        register(bootstrap, community);
        await(() -> status(trustUrl + "/api/trust/communities/" + community + "/accounts", token) == 200, Duration.ofSeconds(60));
        PgStatements.reset(postgres);
        CpuTimes before = CpuTimes.now();
        long start = System.nanoTime();
        publish(bootstrap, community, events);
        await(() -> entries(trustUrl, community, token) >= events, Duration.ofMinutes(30));
        double seconds = (System.nanoTime() - start) / 1e9;
        String cpu = CpuTimes.perOperation(CpuTimes.now().since(before), events, 7);
        PgStatements.print(postgres, events, 25);
        double consume = bareConsumer(bootstrap, events);
        long rssBefore = rssKb(trustPid, "VmRSS");
        long t0 = System.nanoTime();
        HttpResponse<String> json = HTTP.send(get(trustUrl + "/api/trust/communities/" + community + "/statements/" + MONTH, token),
                HttpResponse.BodyHandlers.ofString());
        double jsonMillis = (System.nanoTime() - t0) / 1e6;
        if (json.statusCode() != 200 || !json.body().contains("\"lineCount\":" + events)) {
            throw new IllegalStateException("statement: " + json.statusCode() + " " + json.body().substring(0, Math.min(300, json.body().length())));
        }
        Path csv = Files.createTempFile("statement", ".csv");
        long t1 = System.nanoTime();
        HTTP.send(get(trustUrl + "/api/trust/communities/" + community + "/statements/" + MONTH + "?format=csv", token), HttpResponse.BodyHandlers.ofFile(csv));
        double csvSeconds = (System.nanoTime() - t1) / 1e9;
        long bytes = Files.size(csv);
        Files.delete(csv);
        return new Result(events, seconds, cpu, raw, consume, jsonMillis, csvSeconds, bytes, rssBefore, rssKb(trustPid, "VmHWM"));
    }

    /** Raw single transfers (two balance updates, two postings, one commit each) on the same durable server. */
    private static double rawTransfers(PostgresServer postgres) throws Exception {
        String database = postgres.createDatabase("trustraw");
        try (HikariDataSource data = new HikariDataSource()) {
            data.setJdbcUrl(postgres.jdbcUrl(database));
            data.setUsername(postgres.superuser());
            data.setPassword(postgres.superuserPassword());
            return LedgerBenchmark.rawTransfers(data, 3_000).perSecond();
        }
    }

    /** The community as the trust account learns of it from community.state, trust model, in Beijing. */
    private static void register(String bootstrap, UUID community) throws Exception {
        String payload = "{\"communityId\":\"%s\",\"name\":\"基准测试社区\",\"city\":\"北京市\",\"district\":\"朝阳区\",\"divisionCode\":\"110105\",\"timeZone\":\"Asia/Shanghai\",\"operatorCompanyId\":\"%s\"}"
                .formatted(community, UUID.randomUUID());
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            producer.send(new ProducerRecord<>("community.state", community.toString(), envelope("community.community-state.v1", community, community, payload))).get();
        }
    }

    private static void publish(String bootstrap, UUID community, int events) {
        long firstDay = MONTH.atDay(1).atStartOfDay(ZoneOffset.ofHours(8)).toInstant().getEpochSecond();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = 0; i < events; i++) {
                UUID settlement = UUID.randomUUID();
                long fen = 500 + i % 5_000;
                String payload = ("{\"settlementId\":\"%s\",\"paymentId\":\"%s\",\"invoiceId\":\"%s\",\"lineId\":\"%s\",\"chargeId\":\"%s\",\"communityId\":\"%s\","
                        + "\"payer\":{\"kind\":\"unit\",\"unitId\":\"%s\",\"reference\":\"%d号楼-%d\",\"name\":null},\"unitId\":\"%s\",\"revenueClass\":\"parking_common\","
                        + "\"baseRevenueClass\":null,\"amountFen\":%d,\"currency\":\"CNY\",\"channel\":\"WECHAT_PAY\",\"channelTransactionId\":\"42%018d\","
                        + "\"settledAt\":\"%s\",\"lineSettledInFull\":true}").formatted(settlement, settlement, settlement, settlement, settlement, community,
                        settlement, 1 + i % 20, 101 + i % 600, settlement, fen, i, Instant.ofEpochSecond(firstDay + i % (28 * 86_400)));
                producer.send(new ProducerRecord<>("billing.events", community.toString(), envelope("billing.payment-settled.v1", community, settlement, payload)));
            }
            producer.flush();
        }
    }

    /** The same messages read by a consumer that does nothing with them: Kafka's own ceiling here. */
    private static double bareConsumer(String bootstrap, int events) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "group.id", "bench-bare-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "max.poll.records", 500), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("billing.events"));
            long seen = 0;
            long start = 0;
            while (seen < events) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                }
                seen += records.count();
            }
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static String envelope(String type, UUID community, UUID aggregate, String payload) {
        return "{\"eventId\":\"%s\",\"type\":\"%s\",\"occurredAt\":\"%s\",\"communityId\":\"%s\",\"aggregateId\":\"%s\",\"traceparent\":null,\"payload\":%s}"
                .formatted(UUID.randomUUID(), type, Instant.now(), community, aggregate, payload);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 20, "batch.size", 262_144,
                "compression.type", "lz4"), new StringSerializer(), new StringSerializer());
    }

    private static final Pattern ENTRIES = Pattern.compile("\"entries\":(\\d+)");

    private static long entries(String trustUrl, UUID community, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(get(trustUrl + "/api/trust/communities/" + community + "/accounts", token), HttpResponse.BodyHandlers.ofString());
        Matcher m = ENTRIES.matcher(r.body());
        return r.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static int status(String url, String token) throws Exception {
        return HTTP.send(get(url, token), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10)).GET().build();
    }

    interface Check {
        boolean done() throws Exception;
    }

    private static void await(Check check, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not done within " + atMost);
            }
            Thread.sleep(250);
        }
    }

    static long rssKb(long pid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream().filter(l -> l.startsWith(field + ":"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
    }
}
