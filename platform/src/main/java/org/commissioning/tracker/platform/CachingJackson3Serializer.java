package org.commissioning.tracker.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Axon's Jackson 3 serializer, reading with one {@link ObjectReader} per type instead of a new one per call.
 *
 * <p>Axon's asks its mapper for a new reader for every payload and every metadata it deserializes, and each new reader
 * looks its root deserializer up again; its metadata deserializer, besides, looks up and contextualises a map
 * deserializer for every metadata read. In a JFR profile of the bulk rebuild (benchmark suite, 20,000 contracts) those
 * lookups were about a fifth of the reading thread's samples, which are mostly deserializing; the processors reading
 * live events do the same work for every event. An {@link ObjectReader} is immutable and safe to share between
 * threads, and keeps the root deserializer it fetched; {@link #metaData()} resolves the map deserializer once per
 * reader.
 */
final class CachingJackson3Serializer extends Jackson3Serializer {

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    CachingJackson3Serializer(Builder builder) {
        super(builder);
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }

    /**
     * The module that reads {@link MetaData} as Axon's own module does (a JSON object of values, any type), but with
     * the map deserializer resolved when the reader is built rather than for every metadata read; registered after
     * Axon's module, so it takes precedence.
     */
    static SimpleModule metaData() {
        return new SimpleModule("Tracker MetaData").addDeserializer(MetaData.class, new MetaDataReader(null));
    }

    private static final class MetaDataReader extends ValueDeserializer<MetaData> {

        private final ValueDeserializer<Object> entries;

        MetaDataReader(ValueDeserializer<Object> entries) {
            this.entries = entries;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return entries != null ? this : new MetaDataReader(entries(ctxt));
        }

        @Override
        public Object deserializeWithType(JsonParser parser, DeserializationContext ctxt,
                                          TypeDeserializer typeDeserializer) {
            return typeDeserializer.deserializeTypedFromObject(parser, ctxt);
        }

        @Override
        @SuppressWarnings("unchecked")
        public MetaData deserialize(JsonParser parser, DeserializationContext ctxt) {
            ValueDeserializer<Object> reader = entries != null ? entries : entries(ctxt);
            return MetaData.from((Map<String, ?>) reader.deserialize(parser, ctxt, new HashMap<>()));
        }

        /** The deserializer of metadata's entries: a map of names to values of any type, as Axon's reads them. */
        private static ValueDeserializer<Object> entries(DeserializationContext ctxt) {
            return ctxt.findRootValueDeserializer(
                    ctxt.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        }
    }
}
