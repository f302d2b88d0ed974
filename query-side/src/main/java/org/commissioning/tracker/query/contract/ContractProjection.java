package org.commissioning.tracker.query.contract;

import static org.commissioning.tracker.platform.PlatformAutoConfiguration.CORRELATION_ID;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.REASON;
import static org.commissioning.tracker.platform.PlatformAutoConfiguration.RECORDED_BY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.commissioning.tracker.query.contract.ContractRows.Recorded;
import org.commissioning.tracker.query.events.EventCodec;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.commissioning.tracker.shared.contract.ContractEvent;
import org.commissioning.tracker.shared.contract.ContractRegistered;
import org.commissioning.tracker.shared.contract.ContractTimeline;
import org.springframework.stereotype.Component;

/**
 * Keeps every contract event as recorded (with when, by whom, why and under which correlation id), one summary row per
 * contract, and the register: each contract's state periods, derived from all its events with the shared date rules.
 *
 * <p>Events are handled in batches (the processor's batch size, one transaction each), because handling each alone
 * (a row saved, the contract's whole history read back and folded, its register rows rewritten) made a rebuild
 * crawl at about a hundred events a second. The handler only collects the batch's events per contract in the root
 * unit of work; when it prepares to commit, {@link #flush} writes them with a few batched statements, folds each
 * contract once (from the batch's own events when they are its whole history, as in a replay, else from its stored
 * rows) and rewrites its register rows once. The rows written are the same as handling the events one by one.
 *
 * <p>Idempotent: an event seen again overwrites its own row and the contract's register rows are rewritten from its
 * events. Replayable: a reset clears what it owns.
 */
@Component
@ProcessingGroup(ContractProjection.PROCESSING_GROUP)
class ContractProjection {

    static final String PROCESSING_GROUP = "contracts";
    private static final String PENDING = ContractProjection.class.getName() + ".pending";

    private final ContractViews views;
    private final ContractEventRows events;
    private final ContractRows rows;
    private final EventCodec<ContractEvent> codec;
    private final RegisterTables register;

    ContractProjection(ContractViews views, ContractEventRows events, ContractRows rows,
                       EventCodec<ContractEvent> codec, RegisterTables register) {
        this.views = views;
        this.events = events;
        this.rows = rows;
        this.codec = codec;
        this.register = register;
    }

    @EventHandler
    void on(ContractEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt, MetaData metaData) {
        Recorded recorded = new Recorded(event.contractId().value(), sequence, event, codec.typeOf(event),
                codec.write(event), recordedAt, String.valueOf(metaData.getOrDefault(RECORDED_BY, "unidentified")),
                text(metaData, REASON), text(metaData, CORRELATION_ID));
        ProcessorBatch.collect(PENDING, recorded.contractId(), Pending::new, contract -> contract.add(recorded),
                this::flush);
    }

    /** One contract's events in the batch, in the order handled. */
    static final class Pending {
        final String contractId;
        final List<Recorded> seen = new ArrayList<>();

        Pending(String contractId) {
            this.contractId = contractId;
        }

        void add(Recorded event) {
            seen.add(event);
        }

        long lastSequence() {
            return seen.stream().mapToLong(Recorded::sequence).max().orElse(-1);
        }

        /** The batch holds the events 0..n in order, once each: with nothing stored beyond n, the whole history. */
        boolean contiguousFromStart() {
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i).sequence() != i) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The contract's summary row after the batch's events as handled one by one: a registration (re)writes it
         * with its own sequence; every other event advances the version to at least its sequence.
         */
        ContractRows.ViewChange viewChange() {
            ContractRegistered registration = null;
            long version = -1;
            for (Recorded event : seen) {
                if (event.event() instanceof ContractRegistered registered) {
                    registration = registered;
                    version = event.sequence();
                } else {
                    version = Math.max(version, event.sequence());
                }
            }
            return new ContractRows.ViewChange(contractId, registration, version);
        }
    }

    private void flush(Map<String, Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(pending.keySet());
        // a batch into emptied tables finds nothing stored: every contract's whole history is in it
        Map<String, Long> storedUpTo = ProcessorBatch.intoEmptyTables() ? Map.of() : rows.lastSequences(ids);
        List<Recorded> all = new ArrayList<>();
        pending.values().forEach(contract -> all.addAll(contract.seen));
        rows.saveEvents(all);
        rows.applyViews(pending.values().stream().map(Pending::viewChange).toList());

        List<String> fromStored = new ArrayList<>();
        Map<String, List<ContractEvent>> histories = new LinkedHashMap<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        pending.forEach((id, contract) -> {
            long last = contract.lastSequence();
            if (contract.contiguousFromStart() && storedUpTo.getOrDefault(id, -1L) <= last) {
                histories.put(id, contract.seen.stream().map(Recorded::event).toList());
                versions.put(id, last);
            } else {
                fromStored.add(id);
                histories.put(id, null);
            }
        });
        if (!fromStored.isEmpty()) {
            rows.histories(fromStored, codec).forEach((id, stored) -> {
                histories.put(id, stored.events());
                versions.put(id, stored.lastSequence());
            });
        }

        List<RegisterTables.Write> writes = new ArrayList<>();
        histories.forEach((id, history) -> {
            if (history != null && !history.isEmpty() && history.getFirst() instanceof ContractRegistered) {
                boolean registration = pending.get(id).seen.stream()
                        .anyMatch(event -> event.event() instanceof ContractRegistered);
                writes.add(new RegisterTables.Write(ContractTimeline.of(history), versions.get(id), registration));
            }
        });
        register.writeAll(writes);
        pending.clear();
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }

    @ResetHandler
    void reset() {
        events.deleteAllInBatch();
        views.deleteAllInBatch();
        register.clear();
    }
}
