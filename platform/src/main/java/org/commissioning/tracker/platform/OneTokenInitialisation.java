package org.commissioning.tracker.platform;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A processor's token segments created by one process at a time: the token store's {@code initializeTokenSegments}
 * first takes a PostgreSQL advisory lock for the processor, held to the end of the caller's transaction, then refuses,
 * before writing anything, when the processor already has segments, and otherwise lets the store create them.
 *
 * <p>Why: two query-side processes starting at once on a database with no tokens yet (a first deployment) both found no
 * segments and both inserted them. The loser's insert waited on the winner's rows, then failed as a duplicate, which
 * marks its whole Spring transaction rollback-only; Axon's coordinator catches the exception and would retry, but the
 * commit then throws {@code UnexpectedRollbackException}, which its retry does not catch, and the processor, so the
 * process, failed to start. With the lock the loser waits for the winner's commit, sees its segments, and is refused
 * before writing anything: an exception the coordinator catches in a transaction that still commits, and its next
 * attempt finds the segments and goes on. The segment count and the initial token stay the processor's own.
 */
final class OneTokenInitialisation implements TokenStore {

    private final TokenStore store;
    private final JdbcTemplate jdbc;

    OneTokenInitialisation(TokenStore store, JdbcTemplate jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Wraps every token store bean; the data source is the one the transactions are bound to. */
    static BeanPostProcessor wrapping(ObjectProvider<DataSource> dataSource) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof TokenStore store && !(bean instanceof OneTokenInitialisation)
                        ? new OneTokenInitialisation(store, new JdbcTemplate(dataSource.getObject())) : bean;
            }
        };
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(hashtextextended(?, 0))", Integer.class,
                "axon token segments: " + processorName);
        if (store.fetchSegments(processorName).length > 0) {
            throw new UnableToClaimTokenException(
                    "Processor " + processorName + " already has token segments (created by another process)");
        }
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        store.storeToken(token, processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) {
        store.extendClaim(processorName, segment);
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment) {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) {
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }
}
