package org.commissioning.tracker.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reading events and their metadata through Axon's Jackson 3 serializer and through {@link CachingJackson3Serializer},
 * alternately in one JVM, so that both see the same machine: the median time per event of each and their ratio. Run
 * by hand: {@code mvn -B -pl platform -am verify -Dgroups=benchmark -Dtests.excluded=none -Dtest=SerializerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class SerializerBenchmark {

    static final int EVENTS = 20_000;
    static final int ROUNDS = 15;

    @Test
    void readingWithKeptReaders() {
        CachingJackson3SerializerTest fixtures = new CachingJackson3SerializerTest();
        List<SerializedObject<byte[]>> payloads = new ArrayList<>();
        List<SerializedObject<byte[]>> metaData = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            payloads.add(fixtures.axons.serialize(CachingJackson3SerializerTest.PAYLOAD, byte[].class));
            metaData.add(fixtures.axons.serialize(CachingJackson3SerializerTest.META_DATA.and("n", i), byte[].class));
        }
        double[] axons = new double[ROUNDS];
        double[] caching = new double[ROUNDS];
        for (int warm = 0; warm < 5; warm++) {
            read(fixtures.axons, payloads, metaData);
            read(fixtures.caching, payloads, metaData);
        }
        for (int round = 0; round < ROUNDS; round++) {
            axons[round] = read(fixtures.axons, payloads, metaData);
            caching[round] = read(fixtures.caching, payloads, metaData);
        }
        double axonsMedian = median(axons);
        double cachingMedian = median(caching);
        System.out.printf("BENCHMARK reading an event's payload and metadata: Axon's %.2f µs, kept readers %.2f µs "
                + "(medians of %d rounds of %,d events); ratio %.2f%n", axonsMedian, cachingMedian, ROUNDS, EVENTS,
                axonsMedian / cachingMedian);
        assertThat(cachingMedian).isPositive();
    }

    /** Microseconds per event to read every payload and metadata. */
    static double read(Serializer serializer, List<SerializedObject<byte[]>> payloads,
                       List<SerializedObject<byte[]>> metaData) {
        long start = System.nanoTime();
        int seen = 0;
        for (int i = 0; i < payloads.size(); i++) {
            Object payload = serializer.deserialize(payloads.get(i));
            MetaData meta = serializer.deserialize(metaData.get(i));
            seen += payload == null ? 0 : meta.size();
        }
        if (seen == 0) {
            throw new IllegalStateException("nothing read");
        }
        return (System.nanoTime() - start) / 1e3 / payloads.size();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
