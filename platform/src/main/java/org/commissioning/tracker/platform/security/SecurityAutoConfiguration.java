package org.commissioning.tracker.platform.security;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.commissioning.tracker.platform.SchemaModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what, in both deployment shapes. With an identity provider configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, or a JWK set or public key), the API is an OAuth2
 * resource server taking bearer JWTs, roles from {@code tracker.security.roles-claim}. Without one, HTTP Basic with the
 * users of {@code tracker.security.users} (bcrypt hashes; a verified password is remembered for a few minutes as an
 * HMAC, see {@link VerifiedCredentials}), or, when none are configured, users in the database with an
 * administrator created on first start. Reads need VIEWER, writes CONTRACT_MANAGER, operations ADMIN; health and the
 * API's description are open.
 */
@AutoConfiguration(after = OAuth2ResourceServerAutoConfiguration.class, before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    static final String REALM = "contract-tracker";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwt, SecurityProperties properties,
                            JsonMapper json) throws Exception {
        boolean bearer = jwt.getIfAvailable() != null;
        String challenge = bearer ? "Bearer" : "Basic realm=\"" + REALM + "\"";
        // A stateless API: no session, no saved request to replay after a login page, no /logout, and the
        // authentication read from the security context rather than from a wrapped HttpServletRequest (nothing here
        // calls getUserPrincipal or isUserInRole), so each request passes three filters and one wrapper fewer.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                // the API's paths first, since nearly every request is one; no public path is under /api
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(Role.VIEWER.name())
                        .requestMatchers("/api/**").hasRole(Role.CONTRACT_MANAGER.name())
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthenticated(json, challenge))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)));
        if (bearer) {
            http.oauth2ResourceServer(resource -> resource
                    .jwt(token -> token.jwtAuthenticationConverter(jwtAuthentication(properties)))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated(json, challenge))
                    .accessDeniedHandler(ProblemResponses.forbidden(json)));
        } else {
            http.httpBasic(basic -> basic.realmName(REALM)
                    .authenticationEntryPoint(ProblemResponses.unauthenticated(json, challenge)));
        }
        return http.build();
    }

    /**
     * Spring Security observes nothing while its observations are off
     * ({@code management.observations.enable.spring.security=false}, tracker-platform.yml). That property only makes
     * each observation a no-op: the filter chain stayed wrapped in Spring Security's observing decorator, which wraps
     * every filter and asks the registry at each of them on every request. Without observations to make, the chain
     * runs undecorated.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.CONTRACT_MANAGER.name())
                .role(Role.CONTRACT_MANAGER.name()).implies(Role.VIEWER.name())
                .build();
    }

    /** bcrypt, its successful verifications remembered briefly unless {@code tracker.security.credential-cache.enabled=false}. */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        PasswordEncoder bcrypt = new BCryptPasswordEncoder();
        SecurityProperties.CredentialCache cache = properties.credentialCache();
        return cache.enabled() ? new VerifiedCredentials(bcrypt, cache.ttl(), cache.maxEntries()) : bcrypt;
    }

    @Bean
    SchemaModule securitySchema() {
        return new SchemaModule("security", "classpath:db/security", 5);
    }

    /** HTTP Basic users: the configured ones, else the database's. Not used when JWTs are. */
    @Bean
    @ConditionalOnMissingBean({UserDetailsService.class, JwtDecoder.class})
    UserDetailsService users(SecurityProperties properties, JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        if (properties.users().isEmpty()) {
            return new DatabaseUsers(jdbc, encoder, clock);
        }
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> {
                    if (user.passwordHash() == null || !user.passwordHash().matches("\\$2[aby]?\\$\\d\\d\\$.{53}")) {
                        throw new IllegalStateException("tracker.security.users: the password of '" + user.username()
                                + "' must be given as a bcrypt hash (password-hash: $2a$...)");
                    }
                    return User.withUsername(user.username()).password(user.passwordHash())
                            .roles(user.roles().stream().map(Role::name).toArray(String[]::new)).build();
                })
                .toList());
    }

    /** The user's name from {@code usernameClaim} (else {@code sub}); roles from {@code rolesClaim}, unknown ones ignored. */
    static Converter<Jwt, AbstractAuthenticationToken> jwtAuthentication(SecurityProperties properties) {
        return token -> {
            Object claim = token.getClaims().get(properties.rolesClaim());
            Stream<String> values = switch (claim) {
                case Collection<?> list -> list.stream().map(String::valueOf);
                case String text -> Stream.of(text.split("[\\s,]+"));
                case null, default -> Stream.empty();
            };
            List<GrantedAuthority> roles = values.map(value -> value.strip().toUpperCase(Locale.ROOT))
                    .filter(value -> Stream.of(Role.values()).anyMatch(role -> role.name().equals(value)))
                    .map(value -> (GrantedAuthority) new SimpleGrantedAuthority(Role.valueOf(value).authority()))
                    .toList();
            String name = token.getClaimAsString(properties.usernameClaim());
            return new JwtAuthenticationToken(token, roles, name != null ? name : token.getSubject());
        };
    }
}
