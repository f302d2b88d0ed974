package org.commissioning.tracker.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bcrypt {@link PasswordEncoder} that remembers, for a short while, which (stored hash, password) pairs it has
 * verified, so that a client sending the same HTTP Basic credentials on every request pays bcrypt's deliberate cost
 * (tens of milliseconds of CPU, the cap on HTTP throughput) once per {@code ttl} rather than once per request.
 *
 * <p>Why a security reviewer can accept it:
 * <ul>
 *   <li>Only successes are remembered. A wrong password always costs a full bcrypt check, so guessing online is as
 *   slow as before; an unknown user still costs Spring Security's dummy check.</li>
 *   <li>The key is an HMAC-SHA-256, under a random key made at start and never stored, of the stored hash and the
 *   password: neither the password nor a plain fast hash of it is kept, and nothing survives a restart.</li>
 *   <li>The stored hash is part of the key, so a changed password (a new hash) is never matched by the old entry; the
 *   user, their roles and whether they still exist are loaded on every request as before.</li>
 *   <li>Bounded in size ({@code maxEntries}, least recently used evicted) and in time ({@code ttl} after the
 *   verification, whatever the use since).</li>
 * </ul>
 * The residual risk: someone who can read this process's memory (and so its HMAC key) could test guesses against a
 * remembered entry at HMAC speed rather than bcrypt speed for up to {@code ttl}; such a reader already sees the
 * passwords in the requests' buffers. Off with {@code tracker.security.credential-cache.enabled=false}.
 */
public final class VerifiedCredentials implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder bcrypt;
    /** Each request thread's keyed HMAC, made once: looking the algorithm up and keying it cost more than using it. */
    private final ThreadLocal<Mac> macs;
    private final Cache<String, Boolean> verified;

    public VerifiedCredentials(PasswordEncoder bcrypt, Duration ttl, long maxEntries) {
        this.bcrypt = bcrypt;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, HMAC);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
            }
        });
        this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return bcrypt.matches(rawPassword, encodedPassword);
        }
        String entry = fingerprint(rawPassword, encodedPassword);
        if (verified.getIfPresent(entry) != null) {
            return true;
        }
        boolean matches = bcrypt.matches(rawPassword, encodedPassword);
        if (matches) {
            verified.put(entry, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    /**
     * HMAC-SHA-256 of the stored hash and the password (the hash has no NUL, so the pair is unambiguous). {@code doFinal}
     * leaves the thread's MAC reset, keyed, for its next use.
     */
    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        Mac mac = macs.get();
        mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** How many verifications are remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
