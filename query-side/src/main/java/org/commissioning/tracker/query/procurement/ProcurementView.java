package org.commissioning.tracker.query.procurement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.commissioning.tracker.shared.procurement.ProcurementPlanned;
import org.commissioning.tracker.shared.procurement.ProcurementState;

/** One procurement as last recorded: its planned facts and its state as of its latest effective date. */
@Entity
@Table(name = "procurement_view")
class ProcurementView {

    @Id
    @Column(name = "procurement_id")
    private String procurementId;
    private String title;
    private String regime;
    private LocalDate plannedOn;
    private LocalDate plannedAwardOn;
    private LocalDate plannedStartOn;
    private String route;
    private String stage;
    private String status;
    private LocalDate standstillStartsOn;
    private LocalDate standstillEndsOn;
    private String contractId;
    private LocalDate awardedOn;
    private LocalDate abandonedOn;
    private long version;

    protected ProcurementView() {
    }

    ProcurementView(ProcurementPlanned planned) {
        this.procurementId = planned.procurementId().value();
        this.title = planned.title();
        this.regime = planned.regime().name();
        this.plannedOn = planned.effectiveOn();
        this.plannedAwardOn = planned.plannedAwardOn();
        this.plannedStartOn = planned.plannedStartOn();
        this.version = -1;
    }

    String procurementId() {
        return procurementId;
    }

    long version() {
        return version;
    }

    /** The state as of the latest effective date, at {@code version}; an older version never overwrites a newer. */
    void update(ProcurementState latest, long version) {
        if (version < this.version) {
            return;
        }
        this.route = latest.route().name();
        this.stage = latest.stage() == null ? null : latest.stage().name();
        this.status = latest.status().name();
        this.standstillStartsOn = latest.standstill() == null ? null : latest.standstill().startsOn();
        this.standstillEndsOn = latest.standstill() == null ? null : latest.standstill().endsOn();
        this.contractId = latest.contractId() == null ? null : latest.contractId().value();
        this.awardedOn = latest.awardedOn();
        this.abandonedOn = latest.abandonedOn();
        this.version = version;
    }
}
