package org.commissioning.tracker.shared.contract;

import java.time.LocalDate;

/**
 * A notice served and standing as of a date: API.md's {@code noticeServed} ({@code {kind, servedOn, takesEffectOn}}).
 * For {@code NON_RENEWAL}, {@code takesEffectOn} is the first renewal point declined; for {@code TERMINATION}, the first
 * day no longer in force.
 */
public record NoticeInForce(NoticeKind kind, LocalDate servedOn, LocalDate takesEffectOn) {

    static NoticeInForce of(NoticeServed notice) {
        return new NoticeInForce(notice.kind(), notice.servedOn(), notice.takesEffectOn());
    }
}
