package org.commissioning.tracker.query.contract;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ContractViews extends JpaRepository<ContractView, String> {

    @Query("select v.version from ContractView v where v.contractId = :contractId")
    Long versionOf(String contractId);
}

interface ContractEventRows extends JpaRepository<ContractEventRow, ContractEventRow.Key> {

    List<ContractEventRow> findByContractIdOrderBySequence(String contractId);
}
