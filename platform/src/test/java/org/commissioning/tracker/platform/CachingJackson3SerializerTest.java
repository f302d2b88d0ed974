package org.commissioning.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractVaried;
import org.junit.jupiter.api.Test;

/** The serializer that keeps its readers reads what Axon's own reads, the same, from any thread. */
class CachingJackson3SerializerTest {

    static Jackson3Serializer.Builder builder() {
        return Jackson3Serializer.builder().converter(new ChainingConverter());
    }

    final Serializer axons = builder().build();
    final Serializer caching = new CachingJackson3Serializer(builder()
            .jsonMapperBuilderCustomizer(mapper -> mapper.addModule(CachingJackson3Serializer.metaData())));

    static final MetaData META_DATA = MetaData.from(Map.of(
            "recordedBy", "commissioner@icb.nhs.uk", "reason", "Annual uplift, board of 2024-03-14",
            "correlationId", "c0ffee", "attempt", 2, "flags", List.of("a", "b"),
            "nested", Map.of("x", 1.5, "y", true)));

    static final ContractVaried PAYLOAD = new ContractVaried(ContractId.of("CACHE-1"),
            LocalDate.parse("2024-04-01"), "Annual uplift", new Money(new BigDecimal("12500.00"), "GBP"),
            new Money(new BigDecimal("512500.00"), "GBP"));

    @Test
    void metaDataAndPayloadsReadAsAxonsSerializerReadsThem() {
        for (Serializer writer : List.of(axons, caching)) {
            SerializedObject<byte[]> metaData = writer.serialize(META_DATA, byte[].class);
            SerializedObject<byte[]> payload = writer.serialize(PAYLOAD, byte[].class);
            for (int i = 0; i < 3; i++) { // the second and later reads go through the kept readers
                MetaData read = caching.deserialize(metaData);
                assertThat(read).isEqualTo(axons.deserialize(metaData)).isEqualTo(META_DATA);
                ContractVaried event = caching.deserialize(payload);
                assertThat(event).isEqualTo(axons.deserialize(payload)).isEqualTo(PAYLOAD);
            }
        }
    }

    @Test
    void anEmptyMetaDataReadsAsEmpty() {
        SerializedObject<byte[]> empty = caching.serialize(MetaData.emptyInstance(), byte[].class);
        assertThat((MetaData) caching.deserialize(empty)).isEmpty();
    }

    @Test
    void theKeptReadersReadSideBySide() throws Exception {
        SerializedObject<byte[]> metaData = caching.serialize(META_DATA, byte[].class);
        SerializedObject<byte[]> payload = caching.serialize(PAYLOAD, byte[].class);
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> reads = threads.invokeAll(Collections.nCopies(8, () -> {
                for (int i = 0; i < 500; i++) {
                    MetaData read = caching.deserialize(metaData);
                    ContractVaried event = caching.deserialize(payload);
                    if (!META_DATA.equals(read) || !PAYLOAD.equals(event)) {
                        return false;
                    }
                }
                return true;
            }));
            for (Future<Boolean> read : reads) {
                assertThat(read.get()).isTrue();
            }
        }
    }
}
