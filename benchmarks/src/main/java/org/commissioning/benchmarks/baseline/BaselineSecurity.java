package org.commissioning.benchmarks.baseline;

import java.time.Duration;
import org.commissioning.tracker.platform.security.VerifiedCredentials;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with one bcrypt-hashed user, stateless, as the product's standalone security, with the same cost per
 * request: the product's {@link VerifiedCredentials} (a verified password remembered for a few minutes) around bcrypt
 * at the configured hash's own cost. Stock Spring Security would check bcrypt on every request and, with a default
 * {@code BCryptPasswordEncoder} (cost 10), even upgrade a cheaper hash to cost 10 in memory on the first login: about
 * 100 ms of CPU per request on the benchmark machine, which would measure the password check, not the register.
 */
@Configuration
class BaselineSecurity {

    @Bean
    SecurityFilterChain baselineChain(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService baselineUsers(@Value("${baseline.username}") String username,
                                     @Value("${baseline.password-hash}") String hash) {
        return new InMemoryUserDetailsManager(User.withUsername(username).password(hash).roles("CONTRACT_MANAGER")
                .build());
    }

    @Bean
    PasswordEncoder passwordEncoder(@Value("${baseline.password-hash}") String hash) {
        int cost = Integer.parseInt(hash.substring(4, 6)); // $2a$NN$...: no upgrade to another cost
        return new VerifiedCredentials(new BCryptPasswordEncoder(cost), Duration.ofMinutes(5), 1_000);
    }
}
