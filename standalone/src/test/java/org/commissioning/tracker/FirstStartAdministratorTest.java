package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The standalone default with no users configured: an administrator is made once, its password shown once. */
@ExtendWith(OutputCaptureExtension.class)
class FirstStartAdministratorTest {

    static final Pattern SHOWN = Pattern.compile("created the administrator 'admin' with the password\\s+(\\S+)");

    @TempDir
    Path data;

    @Test
    void theFirstStartCreatesAnAdministratorShowsItsPasswordOnceAndKeepsOnlyItsHash(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher shown = SHOWN.matcher(output.getOut());
            assertThat(shown.find()).as("the password is printed").isTrue();
            password = shown.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);

            String hash = first.getBean(JdbcTemplate.class)
                    .queryForObject("select password_hash from tracker_user where username = 'admin'", String.class);
            assertThat(hash).startsWith("$2a$").doesNotContain(password);
            assertThat(get(first, "admin", password)).isEqualTo(404);
            assertThat(get(first, "admin", password + "x")).isEqualTo(401);
        }
        try (ConfigurableApplicationContext second = start()) {
            assertThat(SHOWN.matcher(output.getOut()).results().count()).as("shown only once").isEqualTo(1);
            assertThat(get(second, "admin", password)).isEqualTo(404);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(StandaloneApplication.class).run("--spring.config.name=standalone",
                "--server.port=0", "--tracker.embedded-postgres.data-directory=" + data);
    }

    private static int get(ConfigurableApplicationContext app, String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(Applications.port(app), null).withAuthorization(basic).get("/api/contracts/NONE").status();
    }
}
