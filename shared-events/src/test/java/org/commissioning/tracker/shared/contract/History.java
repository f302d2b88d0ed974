package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.commissioning.tracker.shared.Money;
import org.commissioning.tracker.shared.Party;
import org.commissioning.tracker.shared.Rejection;
import org.commissioning.tracker.shared.RuleViolation;

/** A contract's history built through the timeline's own decisions, as the aggregate would record it. */
final class History {

    private final ContractTimeline timeline;

    private History(ContractTimeline timeline) {
        this.timeline = timeline;
    }

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    static Period period(String iso) {
        return Period.parse(iso);
    }

    static ContractTerms terms(String start, String initialTerm) {
        return new ContractTerms(date(start), period(initialTerm), null, List.of(), null, null);
    }

    static ContractRegistered registration(String id, String awardedOn, ContractTerms terms) {
        return new ContractRegistered(ContractId.of(id), id + " title", ContractKind.SERVICE_CONTRACT,
                List.of(new Party("A commissioner")), List.of(new Party("A provider")), Money.gbp("1000000.00"),
                date(awardedOn), terms, null, null);
    }

    static History registered(String id, String awardedOn, ContractTerms terms) {
        return new History(ContractTimeline.of(registration(id, awardedOn, terms)));
    }

    ContractTimeline timeline() {
        return timeline;
    }

    ContractState asOf(String iso) {
        return timeline.asOf(date(iso));
    }

    History apply(ContractEvent event) {
        return new History(timeline.with(event));
    }

    History commence(String on) {
        return apply(timeline.commence(date(on)));
    }

    History extend(String length, String on) {
        return apply(timeline.exerciseExtension(period(length), date(on)));
    }

    History renew(String on) {
        return apply(timeline.renew(date(on)));
    }

    History nonRenewal(String servedOn) {
        return apply(timeline.serveNotice(NoticeKind.NON_RENEWAL, date(servedOn), "The commissioner", null));
    }

    History terminationNotice(String servedOn, String takesEffectOn) {
        return apply(timeline.serveNotice(NoticeKind.TERMINATION, date(servedOn), "The provider", date(takesEffectOn)));
    }

    History terminate(String effectiveOn) {
        return apply(timeline.terminate(date(effectiveOn), "The provider", null));
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
