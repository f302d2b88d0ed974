package org.commissioning.tracker.query.procurement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProcurementViews extends JpaRepository<ProcurementView, String> {

    @Query("select v.version from ProcurementView v where v.procurementId = :procurementId")
    Long versionOf(String procurementId);

    /** The procurements planned on or before {@code asOf}, under {@code regime} (null: any), by id. */
    @Query("select v.procurementId from ProcurementView v where v.plannedOn <= :asOf"
            + " and (:regime is null or v.regime = :regime) order by v.procurementId")
    List<String> plannedBy(LocalDate asOf, String regime);
}

interface ProcurementEventRows extends JpaRepository<ProcurementEventRow, ProcurementEventRow.Key> {

    List<ProcurementEventRow> findByProcurementIdOrderBySequence(String procurementId);

    List<ProcurementEventRow> findByProcurementIdInOrderByProcurementIdAscSequenceAsc(Collection<String> procurementIds);
}
