package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register over 100,000 contracts, and a rebuild of the read models. Run by hand, not in CI:
 * {@code mvn -pl standalone test -Dgroups=benchmark -Dtests.excluded=none -Dtest=RegisterBenchmark}.
 *
 * <p>The register's tables are filled directly with the shapes the projection writes (every contract's state periods:
 * before the award, awarded, the initial term, then expired or, one in ten, a dozen yearly rolling renewals), so that
 * the measure is the query, not the loading. Each question is asked over HTTP, 5 times to warm up, then
 * {@code benchmark.rounds} times; the medians are printed, with the plan of the status question. Then a rebuild of
 * {@code benchmark.contracts} contracts written through the API (four events each) is timed.
 */
@Tag("benchmark")
class RegisterBenchmark {

    static final int CONTRACTS = Integer.getInteger("benchmark.register", 100_000);
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 30);
    static final int WRITTEN = Integer.getInteger("benchmark.contracts", 2_000);

    @Test
    void registerOverAHundredThousandContracts() {
        try (ConfigurableApplicationContext app = Applications.start(StandaloneApplication.class,
                StandaloneApplication.CONFIG_NAME, "tracker.embedded-postgres.ephemeral=true",
                "tracker.projections.rebuild-wait=10s", "logging.level.root=WARN")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ApiClient api = new ApiClient(Applications.port(app));
            long loading = System.nanoTime();
            fill(jdbc, CONTRACTS);
            System.out.printf("filled %,d contracts, %,d state periods in %.1f s%n", CONTRACTS,
                    jdbc.queryForObject("select count(*) from contract_state_period", Long.class),
                    (System.nanoTime() - loading) / 1e9);

            Map<String, String> questions = new LinkedHashMap<>();
            questions.put("everything as of 2026-11-22, first page", "asOf=2026-11-22");
            questions.put("ACTIVE as of 2026-11-22", "asOf=2026-11-22&status=ACTIVE");
            questions.put("ACTIVE, ending within 90 days", "asOf=2026-11-22&status=ACTIVE&endingBefore=2027-02-21");
            questions.put("ALLIANCE_AGREEMENT, ACTIVE", "asOf=2026-11-22&kind=ALLIANCE_AGREEMENT&status=ACTIVE");
            questions.put("one commissioner (1 in 42), ACTIVE", "asOf=2026-11-22&commissioner=ICB%207&status=ACTIVE");
            questions.put("one provider (1 in 997)", "asOf=2026-11-22&provider=provider%20123");
            questions.put("EXPIRED as of 2018-01-01, page 100", "asOf=2018-01-01&status=EXPIRED&page=100");
            List<String> lines = new ArrayList<>();
            for (Map.Entry<String, String> question : questions.entrySet()) {
                String path = "/api/contracts?" + question.getValue();
                long total = 0;
                for (int i = 0; i < 5; i++) {
                    Response response = api.get(path);
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    total = response.json().get("total").asLong();
                }
                List<Double> millis = new ArrayList<>();
                for (int i = 0; i < ROUNDS; i++) {
                    long start = System.nanoTime();
                    api.get(path);
                    millis.add((System.nanoTime() - start) / 1e6);
                }
                lines.add(String.format("%-42s total %,7d  median %6.1f ms", question.getKey(), total, median(millis)));
            }
            lines.forEach(System.out::println);
            System.out.println(String.join("\n", jdbc.queryForList("""
                    explain analyze
                    select m.*, count(*) over () as total from (
                        select r.contract_id, r.status, r.phase, r.end_date from contract_state_period r
                        where daterange(r.from_date, r.to_date, '[)') @> cast('2026-11-22' as date)
                          and r.status = 'ACTIVE') m
                    order by m.contract_id limit 50 offset 0""", String.class)));

            rebuild(app, api);
        }
    }

    void rebuild(ConfigurableApplicationContext app, ApiClient api) {
        long writing = System.nanoTime();
        for (int i = 0; i < WRITTEN; i++) {
            String id = "BENCH-TORBAY-" + i;
            assertThat(api.post("/api/contracts", Seeds.TORBAY.replace("TORBAY-ICO", id)).status()).isEqualTo(201);
            api.post("/api/contracts/" + id + "/commencement", "{\"effectiveOn\": \"2015-10-01\"}");
            api.post("/api/contracts/" + id + "/variations", "{\"effectiveOn\": \"2016-01-01\", \"description\": \"v\"}");
            api.post("/api/contracts/" + id + "/notices",
                    "{\"kind\": \"NON_RENEWAL\", \"servedOn\": \"2022-06-15\", \"servedBy\": \"The CCG\"}");
        }
        double wrote = (System.nanoTime() - writing) / 1e9;
        assertThat(api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true").json().get("caughtUp").asBoolean()).isTrue();
        long events = app.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
        long start = System.nanoTime();
        // the rebuild answers 202 after tracker.projections.rebuild-wait (10 s here); then wait on its progress
        Response rebuilt = api.as(TestUsers.ADMIN).post("/api/admin/projections/rebuild", "");
        assertThat(rebuilt.status()).isIn(200, 202);
        while (!api.as(TestUsers.ADMIN).get("/api/admin/projections?wait=true").json().get("caughtUp").asBoolean()) {
            assertThat(System.nanoTime() - start).as("rebuild within an hour").isLessThan(3_600_000_000_000L);
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("wrote %,d contracts (%,d events) over HTTP in %.1f s; rebuilt in %.1f s (%.0f events/s)%n",
                WRITTEN, events, wrote, took, events / took);
    }

    static void fill(JdbcTemplate jdbc, int contracts) {
        jdbc.update("""
                insert into contract_register (contract_id, title, kind, start_date, commissioners, providers, version)
                select 'BENCH-' || lpad(i::text, 6, '0'), 'Benchmark contract ' || i,
                       (array['SERVICE_CONTRACT', 'ALLIANCE_AGREEMENT', 'SECTION_75_AGREEMENT', 'RISK_SHARE_AGREEMENT',
                              'PRIME_CONTRACT', 'FRAMEWORK', 'OTHER'])[1 + i % 7],
                       date '2010-01-01' + (i * 37 % 6000),
                       jsonb_build_array(jsonb_build_object('name', 'ICB ' || (i % 42))),
                       jsonb_build_array(jsonb_build_object('name', 'Provider ' || (i % 997))), 3
                from generate_series(1, ?) i""", contracts);
        jdbc.update("""
                insert into contract_register_party (role, name_key, contract_id)
                select 'COMMISSIONER', 'icb ' || (i % 42), 'BENCH-' || lpad(i::text, 6, '0') from generate_series(1, ?) i
                union all
                select 'PROVIDER', 'provider ' || (i % 997), 'BENCH-' || lpad(i::text, 6, '0') from generate_series(1, ?) i
                """, contracts, contracts);
        jdbc.update("""
                insert into contract_state_period (contract_id, from_date, to_date, status, phase, end_date, kind)
                with c as (
                    select i, 'BENCH-' || lpad(i::text, 6, '0') as id, date '2010-01-01' + (i * 37 % 6000) as s,
                           1 + i % 7 as years,
                           (array['SERVICE_CONTRACT', 'ALLIANCE_AGREEMENT', 'SECTION_75_AGREEMENT',
                                  'RISK_SHARE_AGREEMENT', 'PRIME_CONTRACT', 'FRAMEWORK', 'OTHER'])[1 + i % 7] as kind
                    from generate_series(1, ?) i
                ), d as (
                    select i, id, kind, s, s - 60 as a, (s + make_interval(years => years))::date - 1 as e from c
                )
                select id, date '1900-01-01', a, 'NOT_YET_AWARDED', null, e, kind from d
                union all select id, a, s, 'AWARDED', null, e, kind from d
                union all select id, s, e + 1, 'ACTIVE', 'INITIAL_TERM', e, kind from d
                union all select id, e + 1, null, 'EXPIRED', null, e, kind from d where i % 10 <> 0
                union all
                select id, (e + 1 + make_interval(years => k - 1))::date,
                       case when k = 12 then null else (e + 1 + make_interval(years => k))::date end,
                       'ACTIVE', 'ROLLING_RENEWAL', (e + 1 + make_interval(years => k + 2))::date - 1, kind
                from d, generate_series(1, 12) k where i % 10 = 0
                """, contracts);
        jdbc.execute("analyze contract_register");
        jdbc.execute("analyze contract_register_party");
        jdbc.execute("analyze contract_state_period");
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
