package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.Reference;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.commissioning.tracker.command.web.Recording;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractVaried;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The standalone application's command handlers keep the aggregates they load ({@code AggregateCacheConfiguration}): a contract
 * just written is served from memory, a refused command leaves no changed copy behind, and a copy made stale by a
 * writer the cache does not see (another command node) costs one 409 {@code concurrent_modification}, never a wrong
 * event. Expected values come from the writes the test makes, not from the answers.
 */
class AggregateCacheTest extends EndToEndTest {

    @Autowired
    @Qualifier("aggregateCache")
    Cache cache;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aContractJustWrittenIsHeldAndARefusedCommandLeavesNoChangedCopy() {
        register("CACHE-1");
        // the cache holds its entries weakly: a collection between the write and the look-up may clear one, so a
        // few writes are allowed for one to be seen; with no cache in use none ever is
        Object held = null;
        for (int write = 1; write <= 5 && held == null; write++) {
            assertThat(vary("CACHE-1", "10.00").status()).isEqualTo(200);
            held = cache.get(new ContractId("CACHE-1").toString());
        }
        assertThat(held).as("the contract's aggregate in the cache after a write").isNotNull();
        long events = eventsOf("CACHE-1");

        // an extension the terms do not allow: refused, nothing stored, and the cached copy must not keep any change
        Response refused = api.post("/api/contracts/CACHE-1/extensions", """
                {"length": "P9Y", "effectiveOn": "2025-01-15"}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(eventsOf("CACHE-1")).isEqualTo(events);
        Response next = vary("CACHE-1", "20.00");
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().get("version").asLong()).isEqualTo(events);
        assertThat(eventsOf("CACHE-1")).isEqualTo(events + 1);
        Reference.reachabilityFence(held);
    }

    @Test
    void aCopyMadeStaleByAnotherWriterCostsOneConflictAndNothingWrong() {
        register("CACHE-2");
        String aggregate = new ContractId("CACHE-2").toString();
        Object held = null;
        int writes = 0;
        while (writes < 5 && held == null) {
            assertThat(vary("CACHE-2", "10.00").status()).isEqualTo(200);
            writes++;
            held = cache.get(aggregate); // held strongly from here, so the collector cannot clear it
        }
        assertThat(held).isNotNull();
        long events = eventsOf("CACHE-2");
        String otherValue = valueAfter(writes, "1000.00");

        // another command node appends to the stream: this node's cached copy does not know
        new TransactionTemplate(transactions).executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("Contract", aggregate, events, new ContractVaried(
                        new ContractId("CACHE-2"), LocalDate.parse("2024-05-01"), "Varied on another node",
                        Money.gbp("1000.00"), Money.gbp(otherValue)),
                        MetaData.from(new Recording("manager", "Written by another node", "cache-test").metaData()))));

        Response stale = vary("CACHE-2", "30.00");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.field("code")).isEqualTo("concurrent_modification");
        assertThat(eventsOf("CACHE-2")).isEqualTo(events + 1);
        Reference.reachabilityFence(held);

        // the stale copy was dropped: the retry loads the stream, the other node's event included
        Response retried = vary("CACHE-2", "30.00");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("version").asLong()).isEqualTo(events + 1);
        assertThat(jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ?"
                + " order by sequence_number", Long.class, aggregate))
                .isEqualTo(java.util.stream.LongStream.rangeClosed(0, events + 1).boxed().toList());
        assertThat(new BigDecimal(contract("CACHE-2", "minVersion=" + (events + 1)).get("value").get("amount").asString()))
                .as("100,000 + 10 a first write + 1,000 from the other node + 30")
                .isEqualByComparingTo(valueAfter(writes, "1030.00"));
    }

    void register(String id) {
        write("/api/contracts", """
                {"id": "%1$s", "title": "Cached %1$s", "kind": "SERVICE_CONTRACT",
                 "commissioners": [{"name": "Cache Test ICB"}], "providers": [{"name": "Cache Test Trust"}],
                 "value": {"amount": "100000.00", "currency": "GBP"}, "awardedOn": "2024-03-01",
                 "terms": {"startDate": "2024-04-01", "initialTerm": "P3Y",
                           "extensionOptions": [{"maxLength": "P2Y"}]}}""".formatted(id));
    }

    Response vary(String id, String amount) {
        return api.post("/api/contracts/" + id + "/variations", """
                {"effectiveOn": "2024-05-01", "valueChange": {"amount": "%s", "currency": "GBP"},
                 "description": "A variation"}""".formatted(amount));
    }

    /** The registered 100,000.00, plus 10.00 for each first write, plus {@code more}. */
    static String valueAfter(int writes, String more) {
        return new BigDecimal("100000.00").add(BigDecimal.TEN.multiply(BigDecimal.valueOf(writes)))
                .add(new BigDecimal(more)).setScale(2).toPlainString();
    }
}
