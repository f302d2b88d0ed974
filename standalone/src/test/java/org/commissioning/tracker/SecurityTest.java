package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.commissioning.tracker.platform.testing.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/** Who may do what (issue 6), on the standalone default: HTTP Basic with configured users. */
class SecurityTest extends EndToEndTest {

    record Call(String method, String path, String body) {
    }

    static final String EXTEND = "{\"length\": \"P1Y\", \"effectiveOn\": \"2019-01-15\"}";

    /** One call of every endpoint group, reads and writes. */
    static final List<Call> EVERY_GROUP = List.of(
            new Call("GET", "/api/contracts", null),
            new Call("GET", "/api/contracts/SEC-1", null),
            new Call("GET", "/api/contracts/SEC-1/durations", null),
            new Call("GET", "/api/contracts/SEC-1/history", null),
            new Call("POST", "/api/contracts", Seeds.MID_NOTTS),
            new Call("POST", "/api/contracts/SEC-1/extensions", EXTEND),
            new Call("GET", "/api/procurements", null),
            new Call("GET", "/api/procurements/SEC-P", null),
            new Call("POST", "/api/procurements", "{}"),
            new Call("GET", "/api/key-dates", null),
            new Call("GET", "/api/statistics/durations?groupBy=kind", null),
            new Call("GET", "/api/admin/projections", null),
            new Call("POST", "/api/admin/projections/rebuild", null));

    @Autowired
    ObjectProvider<SecurityObservationSettings> securityObservations;

    @Autowired
    SecurityFilterChain securityFilterChain;

    /**
     * Spring Security's observations are off (tracker-platform.yml), so it observes none of the filters, the
     * authentication or the authorization. Tests run on a registry that observes nothing, where Spring Security leaves
     * its filter chain undecorated anyway; the application run on its own has one, and without these settings wrapped
     * every filter of every request in its observing decorator.
     */
    @Test
    void springSecurityObservesNothing() {
        SecurityObservationSettings settings = securityObservations.getIfUnique();
        assertThat(settings).isNotNull();
        assertThat(settings.shouldObserveRequests()).isFalse();
        assertThat(settings.shouldObserveAuthentications()).isFalse();
        assertThat(settings.shouldObserveAuthorizations()).isFalse();
    }

    /**
     * A stateless API's chain: nothing saves a request to replay after a login page, there is no /logout to match every
     * request against, and no request is wrapped to answer getUserPrincipal (the application reads the user from the
     * security context).
     */
    @Test
    void theFilterChainIsAStatelessApis() {
        assertThat(securityFilterChain.getFilters()).extracting(filter -> filter.getClass().getSimpleName())
                .contains("BasicAuthenticationFilter", "AuthorizationFilter")
                .doesNotContain("LogoutFilter", "RequestCacheAwareFilter", "SecurityContextHolderAwareRequestFilter");
        assertThat(api.as(TestUsers.ADMIN).post("/logout", "").status()).isEqualTo(404);
    }

    @Test
    void withoutCredentialsEveryEndpointGroupAnswers401AndStoresNothing() {
        long before = allEvents();
        ApiClient anonymous = api.anonymous();
        for (Call call : EVERY_GROUP) {
            Response response = anonymous.send(call.method(), call.path(), call.body());
            assertThat(response.status()).as(call.toString()).isEqualTo(401);
            assertThat(response.contentType()).as(call.toString()).startsWith("application/problem+json");
            assertThat(response.field("code")).as(call.toString()).isEqualTo("unauthenticated");
        }
        assertThat(allEvents()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsUnauthenticated() {
        Response response = api.withAuthorization("Basic " + java.util.Base64.getEncoder()
                .encodeToString("manager:not-the-password".getBytes())).get("/api/contracts/SEC-1");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.field("code")).isEqualTo("unauthenticated");
    }

    @Test
    void aViewerReadsButMayNotWrite() {
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "SEC-VIEW"));
        ApiClient viewer = api.as(TestUsers.VIEWER);
        long before = eventsOf("SEC-VIEW");

        assertThat(viewer.get("/api/contracts/SEC-VIEW?asOf=2017-01-01&minVersion=0").status()).isEqualTo(200);
        Response write = viewer.post("/api/contracts/SEC-VIEW/extensions", EXTEND);

        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(write.field("code")).isEqualTo("forbidden");
        assertThat(eventsOf("SEC-VIEW")).isEqualTo(before);
    }

    @Test
    void aContractManagerMayNotRunOperations() {
        Response rebuild = api.as(TestUsers.MANAGER).post("/api/admin/projections/rebuild", "");
        assertThat(rebuild.status()).isEqualTo(403);
        assertThat(rebuild.field("code")).isEqualTo("forbidden");
    }

    @Test
    void theEventRecordsTheAuthenticatedUserNeverANameSentInTheRequest() {
        String body = Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "SEC-WHO");
        Response named = api.post("/api/contracts", body.replace("\"title\"", "\"recordedBy\": \"mallory\", \"title\""));
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.json().get("errors").findValuesAsString("field")).containsExactly("recordedBy");

        assertThat(api.post("/api/contracts", body, "X-Recorded-By", "mallory").status()).isEqualTo(201);

        String metaData = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = 'contract:SEC-WHO'", String.class);
        assertThat(metaData).contains("\"recordedBy\":\"manager\"").doesNotContain("mallory").contains("\"correlationId\"");
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnEvent() {
        write("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "SEC-APPEND"));
        String id = "contract:SEC-APPEND";

        assertThatThrownBy(() -> jdbc.update("update domain_event_entry set payload_type = 'forged' "
                + "where aggregate_identifier = ?", id)).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("the event store is append-only: UPDATE");
        assertThatThrownBy(() -> jdbc.update("delete from domain_event_entry where aggregate_identifier = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("the event store is append-only: DELETE");
        assertThatThrownBy(() -> jdbc.execute("truncate domain_event_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("the event store is append-only: TRUNCATE");
        assertThat(eventsOf("SEC-APPEND")).isEqualTo(1);
    }

    record Weak(String what, String body, int status, String code) {
    }

    @Test
    void knownWeakInputsAreRefusedCleanlyAndStoreNothing() {
        String valid = Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "SEC-WEAK");
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        List<Weak> cases = List.of(
                new Weak("a body over 64 KB", valid.replace("\"title\"", "\"pad\": \"" + "x".repeat(70_000) + "\", \"title\""), 413, "payload_too_large"),
                new Weak("deeply nested JSON", deep, 400, "validation_failed"),
                new Weak("a very long string", valid.replace("Mid-Nottinghamshire Better Together alliance agreement", "y".repeat(30_000)), 400, "validation_failed"),
                new Weak("a long title", valid.replace("Mid-Nottinghamshire Better Together alliance agreement", "z".repeat(5_000)), 400, "validation_failed"),
                new Weak("a non-ISO date", valid.replace("\"2016-03-07\"", "\"7 March 2016\""), 400, "validation_failed"),
                new Weak("a negative period", valid.replace("\"P3Y\"", "\"P-1Y\""), 400, "validation_failed"),
                new Weak("an absurd period", valid.replace("\"P7Y\"", "\"P9999Y\""), 400, "validation_failed"),
                new Weak("an absurd date", valid.replace("\"2016-04-01\"", "\"+999999999-12-31\""), 400, "validation_failed"));
        long before = allEvents();

        for (Weak weak : cases) {
            Response response = api.post("/api/contracts", weak.body());
            assertThat(response.status()).as(weak.what()).isEqualTo(weak.status());
            assertThat(response.contentType()).as(weak.what()).startsWith("application/problem+json");
            assertThat(response.field("code")).as(weak.what()).isEqualTo(weak.code());
        }

        assertThat(allEvents()).isEqualTo(before);
        assertThat(api.get("/api/contracts/SEC-WEAK").status()).isEqualTo(404);
    }

    private long allEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
