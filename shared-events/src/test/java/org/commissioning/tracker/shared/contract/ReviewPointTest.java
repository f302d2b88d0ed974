package org.commissioning.tracker.shared.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.commissioning.tracker.shared.contract.History.date;
import static org.commissioning.tracker.shared.contract.History.period;
import static org.commissioning.tracker.shared.contract.History.rejected;

import org.commissioning.tracker.shared.Rejection;
import org.junit.jupiter.api.Test;

/** Review points on the Mid-Nottinghamshire alliance agreement: a transition period and quarterly reviews. */
class ReviewPointTest {

    static History withTransitionAndQuarterlyReviews() {
        History alliance = MidNottinghamshireExtensionTest.alliance();
        alliance = alliance.apply(alliance.timeline().scheduleReviewPoint(date("2016-04-01"), date("2017-08-31"),
                ReviewKind.TRANSITION_END, "Transition period ends", null));
        return alliance.apply(alliance.timeline().scheduleReviewPoint(date("2016-04-01"), date("2016-05-31"),
                ReviewKind.PERFORMANCE_REVIEW, "Quarterly performance review", period("P3M")));
    }

    @Test
    void reviewPointsAreNumberedInSchedulingOrder() {
        assertThat(withTransitionAndQuarterlyReviews().timeline().events())
                .filteredOn(ReviewPointScheduled.class::isInstance)
                .extracting(e -> ((ReviewPointScheduled) e).reviewId())
                .containsExactly("R1", "R2");
    }

    @Test
    void theContractIsInTransitionUntilTheTransitionEndsInclusive() {
        History history = withTransitionAndQuarterlyReviews();

        assertThat(history.asOf("2017-08-31").inTransition()).isTrue();
        assertThat(history.asOf("2017-09-01").inTransition()).isFalse();
        assertThat(MidNottinghamshireExtensionTest.alliance().asOf("2017-08-31").inTransition()).isFalse();
    }

    @Test
    void quarterlyOccurrencesFallEveryThreeMonthsFromTheFirstWithoutDriftingAtMonthEnds() {
        assertThat(withTransitionAndQuarterlyReviews().timeline().reviewOccurrences(date("2016-04-01"), date("2017-06-30")))
                .filteredOn(o -> o.reviewId().equals("R2"))
                .extracting(ReviewOccurrence::dueOn)
                .containsExactly(date("2016-05-31"), date("2016-08-31"), date("2016-11-30"), date("2017-02-28"),
                        date("2017-05-31"));
    }

    @Test
    void recurringOccurrencesStopAtTheEndOfTheContract() {
        // ends 2019-03-31: the last quarter falls on 2019-02-28 (2016-05-31 + 33 months), the 12th occurrence
        assertThat(withTransitionAndQuarterlyReviews().timeline().reviewOccurrences(date("2016-04-01"), date("2020-12-31")))
                .filteredOn(o -> o.reviewId().equals("R2"))
                .hasSize(12)
                .last().extracting(ReviewOccurrence::dueOn).isEqualTo(date("2019-02-28"));
    }

    @Test
    void completingARecurringReviewCompletesTheEarliestOccurrenceNotYetCompleted() {
        History history = withTransitionAndQuarterlyReviews();
        assertThat(history.asOf("2016-05-01").nextReviewDue()).isEqualTo(date("2016-05-31"));

        ReviewPointCompleted first = history.timeline().completeReviewPoint("R2", date("2016-06-02"), "On track");
        history = history.apply(first);
        ReviewPointCompleted second = history.timeline().completeReviewPoint("R2", date("2016-09-01"), "On track");
        history = history.apply(second);

        assertThat(first.dueOn()).isEqualTo(date("2016-05-31"));
        assertThat(second.dueOn()).isEqualTo(date("2016-08-31"));
        assertThat(history.asOf("2016-09-01").nextReviewDue()).isEqualTo(date("2016-11-30"));
        assertThat(history.timeline().reviewOccurrences(date("2016-05-31"), date("2016-08-31")))
                .extracting(ReviewOccurrence::completedOn)
                .containsExactly(date("2016-06-02"), date("2016-09-01"));
    }

    @Test
    void aOneOffReviewIsCompletedOnce() {
        History history = withTransitionAndQuarterlyReviews();
        ReviewPointCompleted completed = history.timeline().completeReviewPoint("R1", date("2017-09-05"), "Transition done");
        History done = history.apply(completed);

        assertThat(completed.dueOn()).isEqualTo(date("2017-08-31"));
        rejected(() -> done.timeline().completeReviewPoint("R1", date("2017-09-06"), "Again"),
                Rejection.REVIEW_POINT_ALREADY_COMPLETED);
    }

    @Test
    void completingAReviewPointThatWasNeverScheduledIsRejected() {
        rejected(() -> withTransitionAndQuarterlyReviews().timeline().completeReviewPoint("R9", date("2016-06-01"), "?"),
                Rejection.UNKNOWN_REVIEW_POINT);
    }
}
