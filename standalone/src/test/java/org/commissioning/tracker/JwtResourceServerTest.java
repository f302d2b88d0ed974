package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.ApiClient.Response;
import org.commissioning.tracker.platform.testing.Seeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The production shape: an OAuth2 resource server taking bearer JWTs from an identity provider, the user's name and
 * roles from its claims. The provider is stood in for by a key pair made here; in production the issuer is configured
 * (spring.security.oauth2.resourceserver.jwt.issuer-uri) and its keys are fetched from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=standalone", "tracker.embedded-postgres.ephemeral=true",
                "tracker.security.roles-claim=groups", "tracker.security.username-claim=preferred_username"})
@Import(JwtResourceServerTest.IdentityProvider.class)
class JwtResourceServerTest {

    static final KeyPair PROVIDER_KEYS = rsa();
    static final KeyPair SOMEONE_ELSE = rsa();

    @TestConfiguration
    static class IdentityProvider {
        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) PROVIDER_KEYS.getPublic()).build();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, null);
    }

    @Test
    void aContractManagersTokenMayWriteAndTheEventNamesThem() {
        ApiClient jane = api.withAuthorization(bearer(PROVIDER_KEYS, "jane.smith@icb.example", List.of("CONTRACT_MANAGER")));

        Response written = jane.post("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "JWT-1"));

        assertThat(written.status()).as(written.body()).isEqualTo(201);
        String metaData = jdbc.queryForObject("select convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = 'contract:JWT-1'", String.class);
        assertThat(metaData).contains("\"recordedBy\":\"jane.smith@icb.example\"");
        assertThat(jane.get("/api/contracts/JWT-1?asOf=2017-01-01&minVersion=0").status()).isEqualTo(200);
    }

    @Test
    void aViewersTokenMayReadButNotWrite() {
        ApiClient viewer = api.withAuthorization(bearer(PROVIDER_KEYS, "finance.viewer", List.of("viewer")));

        assertThat(viewer.get("/api/contracts/JWT-NONE").status()).isEqualTo(404);
        Response write = viewer.post("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "JWT-2"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.field("code")).isEqualTo("forbidden");
    }

    @Test
    void noTokenOrAForeignTokenIsUnauthenticated() {
        Response none = api.get("/api/contracts/JWT-1");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.field("code")).isEqualTo("unauthenticated");

        Response forged = api.withAuthorization(bearer(SOMEONE_ELSE, "mallory", List.of("ADMIN")))
                .post("/api/contracts", Seeds.MID_NOTTS.replace("MIDNOTTS-ALLIANCE", "JWT-3"));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.field("code")).isEqualTo("unauthenticated");
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = 'contract:JWT-3'",
                Long.class)).isZero();
    }

    @Test
    void aTokenWithoutAKnownRoleMayDoNothing() {
        Response read = api.withAuthorization(bearer(PROVIDER_KEYS, "someone", List.of("staff"))).get("/api/contracts/JWT-1");
        assertThat(read.status()).isEqualTo(403);
    }

    static String bearer(KeyPair keys, String user, List<String> groups) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                    .subject("subject-" + user).claim("preferred_username", user).claim("groups", groups)
                    .issueTime(Date.from(Instant.now())).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return "Bearer " + jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
