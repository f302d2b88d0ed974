package org.commissioning.tracker.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialsTest {

    /** Real bcrypt (cost 4 to keep the test quick), counting how often it is asked to verify. */
    static final class CountingBcrypt implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final CountingBcrypt bcrypt = new CountingBcrypt();
    final VerifiedCredentials credentials = new VerifiedCredentials(bcrypt, Duration.ofMinutes(5), 100);

    @Test
    void aVerifiedPasswordIsCheckedByBcryptOnceThenRemembered() {
        String hash = credentials.encode("right-password");
        for (int i = 0; i < 5; i++) {
            assertThat(credentials.matches("right-password", hash)).isTrue();
        }
        assertThat(bcrypt.checks).hasValue(1);
        assertThat(credentials.size()).isEqualTo(1);
    }

    @Test
    void aPasswordVerifiedOnOneRequestThreadIsRememberedOnAnother() throws Exception {
        String hash = credentials.encode("right-password");
        assertThat(credentials.matches("right-password", hash)).isTrue();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            assertThat(other.submit(() -> credentials.matches("right-password", hash)).get()).isTrue();
            assertThat(other.submit(() -> credentials.matches("wrong-password", hash)).get()).isFalse();
        }
        assertThat(bcrypt.checks).hasValue(2);
        assertThat(credentials.size()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysPaysBcrypt() {
        String hash = credentials.encode("right-password");
        for (int i = 0; i < 3; i++) {
            assertThat(credentials.matches("wrong-password", hash)).isFalse();
        }
        assertThat(bcrypt.checks).hasValue(3);
        assertThat(credentials.size()).isZero();
    }

    @Test
    void aChangedPasswordHashIsNotMatchedByTheOldPassword() {
        String before = credentials.encode("old-password");
        assertThat(credentials.matches("old-password", before)).isTrue();
        String after = credentials.encode("new-password");
        assertThat(credentials.matches("old-password", after)).isFalse();
        assertThat(credentials.matches("new-password", after)).isTrue();
        assertThat(credentials.matches("new-password", before)).isFalse();
    }

    @Test
    void aZeroLifetimeRemembersNothing() {
        VerifiedCredentials never = new VerifiedCredentials(bcrypt, Duration.ZERO, 100);
        String hash = never.encode("right-password");
        assertThat(never.matches("right-password", hash)).isTrue();
        assertThat(never.matches("right-password", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void theNumberRememberedIsBounded() {
        VerifiedCredentials small = new VerifiedCredentials(bcrypt, Duration.ofMinutes(5), 3);
        for (int i = 0; i < 10; i++) {
            String password = "password-" + i;
            assertThat(small.matches(password, small.encode(password))).isTrue();
        }
        assertThat(small.size()).isLessThanOrEqualTo(3);
    }
}
