package org.commissioning.tracker.shared.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.commissioning.tracker.shared.InvalidValueException;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;

/**
 * One procurement's recorded events, folded into its state on any date, and the decisions that produce its next event.
 * Immutable and pure: no clock, no I/O. The first event is {@link ProcurementPlanned}; the events are in recorded
 * order, which is also non-decreasing effective date. "As of D" folds the events effective on or before D.
 *
 * <h2>Rules (DOMAIN.md) and the choices made where it is silent</h2>
 * <ul>
 * <li><b>Guards, in this order:</b> after an abandonment nothing more is recorded ({@code procurement_abandoned});
 * after an award nothing more is recorded ({@code already_awarded}); then a command dated before the latest effective
 * date is refused ({@code out_of_order}); then the command's own rule. The first two look at the whole history, not
 * the command's date: an award or abandonment is final. The exceptions are notices: after an award the notices that
 * report on it or on the contract (a PCR contract award notice, PA23 UK7 to UK11) may still be published, and after an
 * abandonment the notices that report the ending (PA23 UK12, a PCR contract award notice reporting no award); see
 * {@link ProcurementNoticeKind}.</li>
 * <li><b>Stages</b> only move forward in the order of {@link ProcurementStage}; any may be skipped, none re-entered,
 * {@code PLANNING} never ({@code stage_out_of_order}). A procurement is in {@code PLANNING} from its effective date.
 * The award and the abandonment close the stage it is in on their date; the procurement then has no stage. A stage
 * entered on A and left on B lasts {@code B − A} days; an open stage as of Q has lasted {@code Q − A} days. A stage
 * entered and left on the same day is listed with 0 days.</li>
 * <li><b>Status:</b> {@code PLANNED} while in {@code PLANNING}; {@code IN_PROGRESS} from the first later stage entered
 * (notices, counts and bids alone do not move it); {@code AWARDED} or {@code ABANDONED} from the date of the award or
 * abandonment; {@code NOT_YET_PLANNED} as of a date before the procurement's effective date.</li>
 * <li><b>The funnel</b> ({@link ParticipationMeasure}) never grows: each count recorded is at most every count
 * recorded for an earlier measure and at least every count recorded for a later one; the number of bidders with a bid
 * recorded is at most every count ({@code count_exceeds_previous_stage}). A later count for the same measure replaces
 * the earlier one. When no {@code BIDS_RECEIVED} count is recorded, the funnel shows the number of bidders.</li>
 * <li><b>Bids</b> are refused above the maximum price ({@code bid_exceeds_maximum_price}; a bid equal to it is
 * accepted); a bid in another currency than the maximum price is malformed (400 on {@code amount.currency}). A later
 * bid from the same bidder (names compared ignoring case) replaces its earlier one. The winning bid is the bid of a
 * provider the procurement was awarded to; its margin under the maximum is shown in money and as a percentage of the
 * maximum, rounded half up to two places. The award's value is not checked against the maximum price: a contract's
 * value may include options or services beyond the price competed.</li>
 * <li><b>A standstill</b> runs from {@code startsOn} (its effective date) to {@code endsOn}, both included; recording
 * one puts the procurement in the {@code STANDSTILL} stage from {@code startsOn} (unless it is there already). A later
 * standstill replaces it. An award dated on or before {@code endsOn} is refused ({@code standstill_not_ended}); with no
 * standstill recorded there is nothing to wait for.</li>
 * <li><b>The route</b> may be changed until the award, never back to {@code UNDECIDED}; an award is refused while it
 * is {@code UNDECIDED} ({@code route_undecided}). The Provider Selection Regime's routes belong to regime PSR and PSR
 * to them (400 on {@code route} otherwise).</li>
 * <li><b>Durations:</b> {@code daysToAward} counts from the procurement's effective date to the award;
 * {@code daysFromFirstNoticeToAward} from the first notice published.</li>
 * </ul>
 */
public final class ProcurementTimeline {

    private final List<ProcurementEvent> events;
    private final ProcurementPlanned planning;
    private final Fold latest;

    private ProcurementTimeline(List<ProcurementEvent> events) {
        this.events = events;
        this.planning = (ProcurementPlanned) events.get(0);
        this.latest = Fold.of(events, events.size());
    }

    /** The timeline of a procurement's recorded events, first {@link ProcurementPlanned}, in recorded order. */
    public static ProcurementTimeline of(List<ProcurementEvent> events) {
        Objects.requireNonNull(events, "events");
        if (events.isEmpty() || !(events.get(0) instanceof ProcurementPlanned planned)) {
            throw new IllegalArgumentException("a procurement's history starts with ProcurementPlanned");
        }
        List<ProcurementEvent> copy = List.copyOf(events);
        LocalDate previous = planned.effectiveOn();
        for (int i = 1; i < copy.size(); i++) {
            ProcurementEvent event = copy.get(i);
            if (event instanceof ProcurementPlanned) {
                throw new IllegalArgumentException("a procurement is planned once; event " + (i + 1) + " plans it again");
            }
            if (!event.procurementId().equals(planned.procurementId())) {
                throw new IllegalArgumentException("event " + (i + 1) + " belongs to " + event.procurementId().value()
                        + ", not " + planned.procurementId().value());
            }
            if (event.effectiveOn().isBefore(previous)) {
                throw new IllegalArgumentException("event " + (i + 1) + " is effective " + event.effectiveOn()
                        + ", before the previous event's " + previous);
            }
            previous = event.effectiveOn();
        }
        return new ProcurementTimeline(copy);
    }

    public static ProcurementTimeline of(ProcurementEvent... events) {
        return of(List.of(events));
    }

    /** A new timeline with {@code event} appended. */
    public ProcurementTimeline with(ProcurementEvent event) {
        List<ProcurementEvent> appended = new ArrayList<>(events);
        appended.add(event);
        return of(appended);
    }

    public ProcurementPlanned planning() {
        return planning;
    }

    public ProcurementId procurementId() {
        return planning.procurementId();
    }

    public List<ProcurementEvent> events() {
        return events;
    }

    /** The effective date of the last recorded event: no command may be dated before it. */
    public LocalDate latestEffectiveDate() {
        return events.get(events.size() - 1).effectiveOn();
    }

    // ------------------------------------------------------------------------------------------------ state

    /** The procurement as of {@code date}: the events effective on or before it. */
    public ProcurementState asOf(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int known = 0;
        while (known < events.size() && !events.get(known).effectiveOn().isAfter(date)) {
            known++;
        }
        if (known == 0) {
            return new ProcurementState(date, ProcurementStatus.NOT_YET_PLANNED, null, null, null, null, List.of(),
                    List.of(), Map.of(), List.of(), null, null, null, null, null, null, null);
        }
        return (known == events.size() ? latest : Fold.of(events, known)).state(date);
    }

    // ------------------------------------------------------------------------------------------------ decisions

    /** Record a notice published on {@code publishedOn}. */
    public NoticePublished publishNotice(ProcurementNoticeKind kind, LocalDate publishedOn, String reference, String url) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(publishedOn, "publishedOn");
        if (latest.abandonment != null && !kind.publishableAfterAbandonment()) {
            throw Rejection.PROCUREMENT_ABANDONED.because(abandonedFacts() + "; after that only a "
                    + ProcurementNoticeKind.UK12_PROCUREMENT_TERMINATION + " or " + ProcurementNoticeKind.CONTRACT_AWARD_NOTICE
                    + " notice reporting the ending can be published, not " + kind);
        }
        if (latest.award != null && !kind.publishableAfterAward()) {
            throw Rejection.ALREADY_AWARDED.because(awardedFacts() + "; a " + kind
                    + " notice belongs before the award (after it: CONTRACT_AWARD_NOTICE, UK7_CONTRACT_DETAILS to "
                    + "UK11_CONTRACT_TERMINATION)");
        }
        requireInOrder(publishedOn);
        return new NoticePublished(procurementId(), kind, publishedOn, reference, url);
    }

    /** Choose or change the route. */
    public RouteChosen chooseRoute(ProcurementRoute route, LocalDate on) {
        Objects.requireNonNull(route, "route");
        guardOpen(on);
        if (route == ProcurementRoute.UNDECIDED) {
            throw new InvalidValueException("route", "must name the route chosen; UNDECIDED is only where a procurement may start");
        }
        if (!planning.regime().allows(route)) {
            throw ProcurementCommands.routeDoesNotFit(planning.regime(), route);
        }
        return new RouteChosen(procurementId(), on, route, latest.route);
    }

    /** Enter a later stage. */
    public StageEntered enterStage(ProcurementStage stage, LocalDate on) {
        Objects.requireNonNull(stage, "stage");
        guardOpen(on);
        ProcurementStage current = latest.stage;
        if (!stage.isAfter(current)) {
            throw Rejection.STAGE_OUT_OF_ORDER.because(stage == current
                    ? "the procurement has been in " + current + " since " + latest.stageFrom
                    + "; a stage is never entered twice"
                    : "the procurement is in " + current + " (since " + latest.stageFrom + ") and " + stage
                    + " comes before it; stages only move forward, in the order " + List.of(ProcurementStage.values())
                    + ", and any may be skipped");
        }
        return new StageEntered(procurementId(), on, stage, current);
    }

    /** Record the count at one measure of the funnel. */
    public ParticipationRecorded recordParticipation(ParticipationMeasure measure, int count, LocalDate on) {
        Objects.requireNonNull(measure, "measure");
        guardOpen(on);
        EnumMap<ParticipationMeasure, Integer> counts = new EnumMap<>(ParticipationMeasure.class);
        counts.putAll(latest.counts);
        counts.put(measure, count);
        requireFunnelNarrows(counts, latest.bids.size(), measure);
        return new ParticipationRecorded(procurementId(), on, measure, count, latest.counts.get(measure));
    }

    /** Record a bid received on {@code on}. */
    public BidRecorded recordBid(String bidder, Money amount, LocalDate on) {
        Objects.requireNonNull(bidder, "bidder");
        Objects.requireNonNull(amount, "amount");
        guardOpen(on);
        Money maximum = planning.maximumPrice();
        if (maximum != null) {
            if (!maximum.currency().equals(amount.currency())) {
                throw new InvalidValueException("amount.currency", "must be " + maximum.currency()
                        + ", the currency of the maximum price; got " + amount.currency());
            }
            if (amount.isGreaterThan(maximum)) {
                throw Rejection.BID_EXCEEDS_MAXIMUM_PRICE.because("the bid of " + amount + " from " + bidder
                        + " exceeds the maximum price of " + maximum + " by " + amount.minus(maximum));
            }
        }
        BidRecorded earlier = latest.bids.get(key(bidder));
        int bidders = latest.bids.size() + (earlier == null ? 1 : 0);
        requireFunnelNarrows(latest.counts, bidders, null);
        return new BidRecorded(procurementId(), on, bidder, amount, earlier == null ? null : earlier.amount());
    }

    /** Record the standstill period, from {@code startsOn} to {@code endsOn} inclusive. */
    public StandstillRecorded recordStandstill(LocalDate startsOn, LocalDate endsOn) {
        Objects.requireNonNull(endsOn, "endsOn");
        guardOpen(startsOn);
        return new StandstillRecorded(procurementId(), startsOn, endsOn);
    }

    /** Award the procurement; the contract is registered from the answer, the buyers and the terms. */
    public ProcurementAwarded award(ContractId contractId, LocalDate on, String title, ContractKind kind,
                                    List<Party> providers, Money value) {
        Objects.requireNonNull(contractId, "contractId");
        guardOpen(on);
        if (latest.route == ProcurementRoute.UNDECIDED) {
            throw Rejection.ROUTE_UNDECIDED.because("the procurement's route is still UNDECIDED; record the route "
                    + "chosen before the award");
        }
        Standstill standstill = latest.standstill;
        if (standstill != null && !on.isAfter(standstill.endsOn())) {
            throw Rejection.STANDSTILL_NOT_ENDED.because("the standstill runs from " + standstill.startsOn() + " to "
                    + standstill.endsOn() + " inclusive; the contract can be awarded from "
                    + standstill.awardPossibleFrom() + ", not on " + on);
        }
        return new ProcurementAwarded(procurementId(), on, contractId, title != null ? title : planning.title(), kind,
                providers, value, latest.route);
    }

    /** Abandon the procurement without an award. */
    public ProcurementAbandoned abandon(LocalDate on) {
        guardOpen(on);
        return new ProcurementAbandoned(procurementId(), on, latest.stage);
    }

    // ------------------------------------------------------------------------------------------------ guards

    private void guardOpen(LocalDate on) {
        Objects.requireNonNull(on, "on");
        if (latest.abandonment != null) {
            throw Rejection.PROCUREMENT_ABANDONED.because(abandonedFacts() + "; nothing more can be recorded for it");
        }
        if (latest.award != null) {
            throw Rejection.ALREADY_AWARDED.because(awardedFacts() + "; nothing more can be recorded for the "
                    + "procurement (record what follows on the contract)");
        }
        requireInOrder(on);
    }

    private void requireInOrder(LocalDate on) {
        LocalDate latestDate = latestEffectiveDate();
        if (on.isBefore(latestDate)) {
            throw Rejection.OUT_OF_ORDER.because("dated " + on + ", before " + latestDate
                    + ", the latest effective date recorded for this procurement; record a correction instead");
        }
    }

    private String abandonedFacts() {
        return "the procurement was abandoned on " + latest.abandonment.effectiveOn();
    }

    private String awardedFacts() {
        ProcurementAwarded award = latest.award;
        return "the procurement was awarded on " + award.effectiveOn() + " to " + names(award.providers())
                + " as contract " + award.contractId().value();
    }

    private static String names(List<Party> parties) {
        return String.join(", ", parties.stream().map(Party::name).toList());
    }

    /**
     * The funnel after a change never grows: counts recorded are non-increasing in funnel order, and the bidders with a
     * bid recorded are no more than any count. {@code changed} is the measure just recorded (null for a bid).
     */
    private static void requireFunnelNarrows(Map<ParticipationMeasure, Integer> counts, int bidders,
                                             ParticipationMeasure changed) {
        ParticipationMeasure previous = null;
        for (ParticipationMeasure measure : ParticipationMeasure.values()) {
            Integer count = counts.get(measure);
            if (count == null) {
                continue;
            }
            if (previous != null && count > counts.get(previous)) {
                int before = counts.get(previous);
                throw Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE.because(previous == changed
                        ? before + " " + previous.label() + " would be fewer than the " + count + " " + measure.label()
                        + " recorded; a funnel never grows from one stage to the next"
                        : count + " " + measure.label() + " would exceed the " + before + " " + previous.label()
                        + " recorded; a funnel never grows from one stage to the next");
            }
            previous = measure;
        }
        if (previous != null && bidders > counts.get(previous)) {
            int smallest = counts.get(previous);
            throw Rejection.COUNT_EXCEEDS_PREVIOUS_STAGE.because(changed == null
                    ? "a bid from another bidder would make " + bidders + " bidders, more than the " + smallest + " "
                    + previous.label() + " recorded; a funnel never grows from one stage to the next"
                    : smallest + " " + previous.label() + " would be fewer than the " + bidders
                    + " bidders with a bid recorded; a funnel never grows from one stage to the next");
        }
    }

    private static String key(String bidder) {
        return bidder.strip().toLowerCase(Locale.ROOT);
    }

    private static long daysBetween(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    // ------------------------------------------------------------------------------------------------ the fold

    /** The first {@code count} events folded: what they say, in the order they say it. */
    private static final class Fold {

        private final ProcurementPlanned planning;
        private ProcurementRoute route;
        private ProcurementStage stage;
        private LocalDate stageFrom;
        private final List<StagePeriod> closed = new ArrayList<>();
        private final List<PublishedNotice> notices = new ArrayList<>();
        private final EnumMap<ParticipationMeasure, Integer> counts = new EnumMap<>(ParticipationMeasure.class);
        /** Each bidder's latest bid, keyed by its name ignoring case, in the order the bidders first bid. */
        private final LinkedHashMap<String, BidRecorded> bids = new LinkedHashMap<>();
        private Standstill standstill;
        private ProcurementAwarded award;
        private ProcurementAbandoned abandonment;

        private Fold(ProcurementPlanned planning) {
            this.planning = planning;
            this.route = planning.route();
            this.stage = ProcurementStage.PLANNING;
            this.stageFrom = planning.effectiveOn();
        }

        static Fold of(List<ProcurementEvent> events, int count) {
            Fold fold = new Fold((ProcurementPlanned) events.get(0));
            for (int i = 1; i < count; i++) {
                fold.apply(events.get(i));
            }
            return fold;
        }

        private void apply(ProcurementEvent event) {
            switch (event) {
                case ProcurementPlanned planned -> throw new IllegalStateException("planned twice: " + planned);
                case NoticePublished n -> notices.add(new PublishedNotice(n.kind(), n.publishedOn(), n.reference(), n.url()));
                case RouteChosen r -> route = r.route();
                case StageEntered s -> enter(s.stage(), s.effectiveOn());
                case ParticipationRecorded p -> counts.put(p.measure(), p.count());
                case BidRecorded b -> bids.put(key(b.bidder()), b);
                case StandstillRecorded s -> {
                    standstill = new Standstill(s.startsOn(), s.endsOn());
                    if (stage != null && stage != ProcurementStage.STANDSTILL) {
                        enter(ProcurementStage.STANDSTILL, s.startsOn());
                    }
                }
                case ProcurementAwarded a -> {
                    award = a;
                    close(a.effectiveOn());
                }
                case ProcurementAbandoned a -> {
                    abandonment = a;
                    close(a.effectiveOn());
                }
            }
        }

        private void enter(ProcurementStage next, LocalDate on) {
            close(on);
            stage = next;
            stageFrom = on;
        }

        private void close(LocalDate on) {
            if (stage != null) {
                closed.add(new StagePeriod(stage, stageFrom, on, daysBetween(stageFrom, on)));
            }
            stage = null;
            stageFrom = null;
        }

        ProcurementState state(LocalDate date) {
            ProcurementStatus status = award != null ? ProcurementStatus.AWARDED
                    : abandonment != null ? ProcurementStatus.ABANDONED
                    : stage == ProcurementStage.PLANNING ? ProcurementStatus.PLANNED
                    : ProcurementStatus.IN_PROGRESS;
            List<StagePeriod> stages = new ArrayList<>(closed);
            Long daysInStage = null;
            if (stage != null) {
                daysInStage = daysBetween(stageFrom, date);
                stages.add(new StagePeriod(stage, stageFrom, null, daysInStage));
            }
            List<Bid> bidList = bids.values().stream().map(this::bid).toList();
            Bid winning = bidList.stream().filter(Bid::winning).findFirst().orElse(null);
            Long daysToAward = award == null ? null : daysBetween(planning.effectiveOn(), award.effectiveOn());
            Long daysFromFirstNotice = award == null || notices.isEmpty() ? null
                    : daysBetween(notices.get(0).publishedOn(), award.effectiveOn());
            return new ProcurementState(date, status, route, stage, stageFrom, daysInStage, List.copyOf(stages),
                    List.copyOf(notices), funnel(), bidList, winning, standstill,
                    award == null ? null : award.contractId(), award == null ? null : award.effectiveOn(),
                    abandonment == null ? null : abandonment.effectiveOn(), daysToAward, daysFromFirstNotice);
        }

        private Map<ParticipationMeasure, Integer> funnel() {
            EnumMap<ParticipationMeasure, Integer> funnel = new EnumMap<>(ParticipationMeasure.class);
            funnel.putAll(counts);
            if (!bids.isEmpty()) {
                funnel.putIfAbsent(ParticipationMeasure.BIDS_RECEIVED, bids.size());
            }
            return Collections.unmodifiableMap(funnel);
        }

        private Bid bid(BidRecorded recorded) {
            Money amount = recorded.amount();
            Money maximum = planning.maximumPrice();
            Money under = null;
            BigDecimal percent = null;
            if (maximum != null && maximum.currency().equals(amount.currency())) {
                under = maximum.minus(amount);
                percent = under.amount().multiply(BigDecimal.valueOf(100))
                        .divide(maximum.amount(), 2, RoundingMode.HALF_UP);
            }
            boolean winning = award != null && award.providers().stream()
                    .anyMatch(provider -> key(provider.name()).equals(key(recorded.bidder())));
            return new Bid(recorded.bidder(), amount, recorded.effectiveOn(), under, percent, winning);
        }
    }
}
