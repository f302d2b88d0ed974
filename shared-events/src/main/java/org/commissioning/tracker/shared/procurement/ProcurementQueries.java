package org.commissioning.tracker.shared.procurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;

/** Questions the query side answers about procurements, and their answers. */
public final class ProcurementQueries {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;

    private ProcurementQueries() {
    }

    /**
     * The procurement as of a date, as known at a time ({@code knownAt} null: everything recorded so far). Answered
     * with an {@code Optional<ProcurementDetails>}, empty when no such procurement was known.
     */
    public record GetProcurement(ProcurementId procurementId, LocalDate asOf, Instant knownAt) {
    }

    /**
     * The pipeline as of a date: every procurement planned by then, each filter applied when given (status and route as
     * of {@code asOf}), sorted by id; {@code page} counts from 0. Answered with a {@link ProcurementPipeline}.
     */
    public record FindProcurements(LocalDate asOf, ProcurementStatus status, ProcurementRoute route, Regime regime,
                                   int page, int size) {

        public FindProcurements {
            if (asOf == null) {
                throw new InvalidValueException("asOf", "is required");
            }
            if (page < 0) {
                throw new InvalidValueException("page", "must be 0 or more (pages count from 0); got " + page);
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new InvalidValueException("size", "must be from 1 to " + MAX_PAGE_SIZE + "; got " + size);
            }
        }
    }

    /**
     * A procurement's planned facts with its state on {@code asOf} (API.md, "Procurement"). {@code plannedOn} is its
     * effective date; the last fields add to the published shape.
     */
    public record ProcurementDetails(
            String id,
            String title,
            LocalDate asOf,
            ProcurementStatus status,
            Regime regime,
            ProcurementRoute route,
            ProcurementStage stage,
            Long daysInStage,
            List<StagePeriod> stages,
            List<PublishedNotice> notices,
            Map<ParticipationMeasure, Integer> funnel,
            List<Bid> bids,
            Money maximumPrice,
            Standstill standstill,
            String contractId,
            Long daysToAward,
            long version,
            List<Party> buyers,
            Money estimatedValue,
            LocalDate plannedOn,
            LocalDate plannedAwardOn,
            LocalDate plannedStartOn,
            LocalDate stageEnteredOn,
            Bid winningBid,
            LocalDate awardedOn,
            LocalDate abandonedOn,
            Long daysFromFirstNoticeToAward) {

        public static ProcurementDetails of(ProcurementPlanned planned, ProcurementState state, long version) {
            return new ProcurementDetails(planned.procurementId().value(), planned.title(), state.asOf(),
                    state.status(), planned.regime(), state.route(), state.stage(), state.daysInStage(),
                    state.stages(), state.notices(), state.funnel(), state.bids(), planned.maximumPrice(),
                    state.standstill(), state.contractId() == null ? null : state.contractId().value(),
                    state.daysToAward(), version, planned.buyers(), planned.estimatedValue(), planned.effectiveOn(),
                    planned.plannedAwardOn(), planned.plannedStartOn(), state.stageEnteredOn(), state.winningBid(),
                    state.awardedOn(), state.abandonedOn(), state.daysFromFirstNoticeToAward());
        }
    }

    /** One line of the pipeline: a procurement on {@code asOf}. */
    public record ProcurementSummary(
            String id,
            String title,
            ProcurementStatus status,
            Regime regime,
            ProcurementRoute route,
            ProcurementStage stage,
            Long daysInStage,
            List<Party> buyers,
            Money estimatedValue,
            Money maximumPrice,
            LocalDate plannedOn,
            LocalDate plannedAwardOn,
            LocalDate plannedStartOn,
            Standstill standstill,
            String contractId,
            LocalDate awardedOn,
            Long daysToAward,
            long version) {

        public static ProcurementSummary of(ProcurementPlanned planned, ProcurementState state, long version) {
            return new ProcurementSummary(planned.procurementId().value(), planned.title(), state.status(),
                    planned.regime(), state.route(), state.stage(), state.daysInStage(), planned.buyers(),
                    planned.estimatedValue(), planned.maximumPrice(), planned.effectiveOn(), planned.plannedAwardOn(),
                    planned.plannedStartOn(), state.standstill(),
                    state.contractId() == null ? null : state.contractId().value(), state.awardedOn(),
                    state.daysToAward(), version);
        }
    }

    /** The pipeline (API.md, "Lists"): one page of summaries and the number matching in all. */
    public record ProcurementPipeline(LocalDate asOf, List<ProcurementSummary> items, int page, int size, long total) {
    }
}
