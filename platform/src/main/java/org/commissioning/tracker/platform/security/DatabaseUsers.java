package org.commissioning.tracker.platform.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users kept in the database when none are configured. On the first start, with no user at all, it creates
 * {@code admin} with a random password, prints the password once, and stores only its bcrypt hash.
 */
class DatabaseUsers implements UserDetailsService, ApplicationRunner {

    static final String FIRST_ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(DatabaseUsers.class);

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    DatabaseUsers(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query("select username, password_hash, roles from tracker_user where username = ?",
                (rs, row) -> User.withUsername(rs.getString(1)).password(rs.getString(2))
                        .authorities(Arrays.stream(rs.getString(3).split(","))
                                .map(role -> new SimpleGrantedAuthority(Role.valueOf(role).authority())).toList())
                        .build(),
                username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.getFirst();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.queryForObject("select count(*) from tracker_user", Long.class) > 0) {
            return;
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        int created = jdbc.update("insert into tracker_user (username, password_hash, roles, created_at) "
                        + "values (?, ?, ?, ?) on conflict do nothing",
                FIRST_ADMIN, encoder.encode(password), Role.ADMIN.name(), Timestamp.from(clock.instant()));
        if (created == 1) {
            log.warn("""

                    ================================================================================
                    No users are configured: created the administrator '{}' with the password
                        {}
                    It is shown this once and only its bcrypt hash is stored. Sign in with HTTP Basic.
                    Configure users with tracker.security.users (see the README).
                    ================================================================================""",
                    FIRST_ADMIN, password);
        }
    }
}
