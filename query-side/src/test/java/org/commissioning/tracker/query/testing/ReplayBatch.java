package org.commissioning.tracker.query.testing;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.commissioning.tracker.query.events.ProcessorBatch;
import org.springframework.transaction.PlatformTransactionManager;

/** A batch as the bulk rebuild runs it: a unit of work with a transaction, marked as writing into emptied tables. */
public final class ReplayBatch {

    private ReplayBatch() {
    }

    /** Runs {@code write} as the batch prepares to commit, as the projections' flushes run. */
    public static void intoEmptyTables(PlatformTransactionManager transactions, Runnable write) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("replayed"));
        unit.attachTransaction(new SpringTransactionManager(transactions));
        ProcessorBatch.markIntoEmptyTables(unit);
        unit.onPrepareCommit(u -> write.run());
        unit.commit();
    }
}
