package org.commissioning.tracker.query.contract;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

@Entity
@Table(name = "contract_view")
class ContractView {

    @Id
    @Column(name = "contract_id")
    private String contractId;
    private String title;
    private String kind;
    private LocalDate awardedOn;
    private LocalDate startDate;
    private String procurementId;
    private long version;

    protected ContractView() {
    }

    ContractView(String contractId, String title, String kind, LocalDate awardedOn, LocalDate startDate,
                 String procurementId, long version) {
        this.contractId = contractId;
        this.title = title;
        this.kind = kind;
        this.awardedOn = awardedOn;
        this.startDate = startDate;
        this.procurementId = procurementId;
        this.version = version;
    }

    String contractId() {
        return contractId;
    }

    long version() {
        return version;
    }

    void advanceTo(long version) {
        this.version = Math.max(this.version, version);
    }
}
