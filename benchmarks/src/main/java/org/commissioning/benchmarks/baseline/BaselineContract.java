package org.commissioning.benchmarks.baseline;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One contract as it stands now, updated in place: the dates a register needs for its key-dates list are columns,
 * recomputed by each write; what they were before is lost.
 */
@Entity
@Table(name = "baseline_contract")
public class BaselineContract {

    @Id
    String id;
    String title;
    String kind;
    String commissioner;
    String provider;
    BigDecimal amount;
    LocalDate awardedOn;
    LocalDate startDate;
    LocalDate commencedOn;
    LocalDate endDate;
    String status;
    int extensionMonthsLeft;
    int extensionNoticeMonths;
    String renewalMode;
    int renewalMonths;
    int renewalNoticeMonths;
    LocalDate extensionDeadline;
    LocalDate nonRenewalDeadline;
    LocalDate renewalPoint;
    LocalDate reviewDue;
    LocalDate terminationOn;
    LocalDate latestEffective;
    @Version
    long version;

    /** The key-date columns follow from the end date and the terms left. */
    void recomputeDates() {
        LocalDate next = endDate.plusDays(1);
        extensionDeadline = extensionMonthsLeft > 0 ? next.minusMonths(extensionNoticeMonths) : null;
        nonRenewalDeadline = "AUTOMATIC".equals(renewalMode) ? next.minusMonths(renewalNoticeMonths) : null;
        renewalPoint = renewalMode != null ? next : null;
    }
}
