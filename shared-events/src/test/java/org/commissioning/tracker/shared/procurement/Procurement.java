package org.commissioning.tracker.shared.procurement;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;
import org.commissioning.tracker.shared.contract.ContractId;
import org.commissioning.tracker.shared.contract.ContractKind;

/** A procurement's history built through the timeline's own decisions, as the aggregate would record it. */
final class Procurement {

    static final Party CCG = new Party("Cambridgeshire and Peterborough CCG");

    private final ProcurementTimeline timeline;

    private Procurement(ProcurementTimeline timeline) {
        this.timeline = timeline;
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static ProcurementPlanned planned(String id, Regime regime, ProcurementRoute route, Money maximumPrice, String on) {
        return new ProcurementPlanned(ProcurementId.of(id), id + " title", List.of(CCG), regime, route, null,
                maximumPrice, null, null, date(on));
    }

    static Procurement planned(String id, ProcurementRoute route, String on) {
        return new Procurement(ProcurementTimeline.of(planned(id, Regime.PCR2015, route, Money.gbp("1000000"), on)));
    }

    static Procurement of(ProcurementPlanned planned) {
        return new Procurement(ProcurementTimeline.of(planned));
    }

    ProcurementTimeline timeline() {
        return timeline;
    }

    ProcurementState asOf(String iso) {
        return timeline.asOf(date(iso));
    }

    Procurement apply(ProcurementEvent event) {
        return new Procurement(timeline.with(event));
    }

    Procurement stage(ProcurementStage stage, String on) {
        return apply(timeline.enterStage(stage, date(on)));
    }

    Procurement count(ParticipationMeasure measure, int count, String on) {
        return apply(timeline.recordParticipation(measure, count, date(on)));
    }

    Procurement bid(String bidder, String amount, String on) {
        return apply(timeline.recordBid(bidder, Money.gbp(amount), date(on)));
    }

    Procurement notice(ProcurementNoticeKind kind, String on) {
        return apply(timeline.publishNotice(kind, date(on), "REF-" + kind.ordinal(), null));
    }

    Procurement route(ProcurementRoute route, String on) {
        return apply(timeline.chooseRoute(route, date(on)));
    }

    Procurement standstill(String startsOn, String endsOn) {
        return apply(timeline.recordStandstill(date(startsOn), date(endsOn)));
    }

    ProcurementAwarded awarding(String contractId, String on, String provider, String value) {
        return timeline.award(ContractId.of(contractId), date(on), null, ContractKind.SERVICE_CONTRACT,
                List.of(new Party(provider)), Money.gbp(value));
    }

    Procurement award(String contractId, String on, String provider, String value) {
        return apply(awarding(contractId, on, provider, value));
    }

    Procurement abandon(String on) {
        return apply(timeline.abandon(date(on)));
    }

    /** The rule violation {@code call} throws, after checking its code. */
    static RuleViolation rejected(ThrowingCallable call, Rejection code) {
        RuleViolation[] caught = new RuleViolation[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            if (violation.code() != code) {
                throw new AssertionError("expected " + code.code() + " but got " + violation.code().code() + ": "
                        + violation.getMessage());
            }
            caught[0] = violation;
        });
        return caught[0];
    }
}
