package org.commissioning.benchmarks.baseline;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The register's table, and its key-dates question: every date column in a window, by date then id. */
interface BaselineContracts extends JpaRepository<BaselineContract, String> {

    String WINDOW = """
            select date, kind, id, title from (
              select end_date as date, 'END_OF_TERM' as kind, id, title from baseline_contract where end_date between ?1 and ?2
              union all select extension_deadline, 'EXTENSION_DECISION_DEADLINE', id, title from baseline_contract
                where extension_deadline between ?1 and ?2
              union all select non_renewal_deadline, 'NON_RENEWAL_NOTICE_DEADLINE', id, title from baseline_contract
                where non_renewal_deadline between ?1 and ?2
              union all select renewal_point, 'RENEWAL_POINT', id, title from baseline_contract
                where renewal_point between ?1 and ?2
              union all select review_due, 'REVIEW_POINT', id, title from baseline_contract where review_due between ?1 and ?2
              union all select termination_on, 'TERMINATION_EFFECTIVE', id, title from baseline_contract
                where termination_on between ?1 and ?2
            ) k""";

    @Query(nativeQuery = true, value = WINDOW + " order by date, id, kind limit 50")
    List<Object[]> keyDates(LocalDate from, LocalDate to);

    @Query(nativeQuery = true, value = "select count(*) from (" + WINDOW + ") n")
    long countKeyDates(LocalDate from, LocalDate to);
}
