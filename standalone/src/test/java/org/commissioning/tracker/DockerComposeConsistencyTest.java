package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commissioning.tracker.platform.EmbeddedPostgresAutoConfiguration;
import org.commissioning.tracker.query.admin.ProjectionAdminController;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker cannot run on the build machines, so the split deployment is checked against the applications instead: the
 * compose file's services, ports and variables, the Dockerfiles' jars, and the gateway's routing.
 */
@SuppressWarnings("unchecked")
class DockerComposeConsistencyTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static Map<String, Object> services;
    static String gateway;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
        assertThat(((Map<String, Object>) compose.get("volumes"))).containsKey("pgdata");
        gateway = Files.readString(ROOT.resolve("deploy/nginx.conf"));
    }

    @Test
    void theFourServicesAreThereEachWithAHealthcheck() {
        assertThat(services).containsOnlyKeys("postgres", "command-side", "query-side", "gateway");
        services.values().forEach(service -> assertThat(map(service)).containsKey("healthcheck"));
        assertThat(map(services.get("postgres")).get("image")).isEqualTo("postgres:17");
        assertThat((List<Object>) map(services.get("postgres")).get("command")).as("the embedded default's WAL size")
                .containsExactly("postgres", "-c", "max_wal_size=" + EmbeddedPostgresAutoConfiguration.MAX_WAL_SIZE);
        assertThat((List<Object>) map(services.get("postgres")).get("volumes")).contains("pgdata:/var/lib/postgresql/data");
        assertThat((List<Object>) map(services.get("gateway")).get("ports")).containsExactly("8080:8080");
    }

    @Test
    void eachSideListensWhereItsConfigurationAndTheGatewaySay() throws IOException {
        for (String side : List.of("command-side", "query-side")) {
            String defaultPort = defaultPortOf(side + "/src/main/resources/" + side + ".yml");
            Map<String, Object> service = map(services.get(side));
            Map<String, Object> environment = map(service.get("environment"));
            assertThat(environment.get("PORT")).as(side).isEqualTo(defaultPort);
            assertThat((List<Object>) service.get("expose")).as(side).containsExactly(defaultPort);
            assertThat(gateway).as(side).contains("server " + side + ":" + defaultPort + ";");
            assertThat(String.valueOf(map(service.get("healthcheck")).get("test")))
                    .contains("localhost:" + defaultPort + "/actuator/health");
        }
    }

    @Test
    void bothSidesUseThePostgresServiceAndItsCredentials() {
        Map<String, Object> postgres = map(map(services.get("postgres")).get("environment"));
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> environment = map(map(services.get(side)).get("environment"));
            assertThat(environment.get("SPRING_DATASOURCE_URL"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
            assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
            assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            assertThat(map(map(services.get(side)).get("depends_on"))).containsKey("postgres");
        }
    }

    @Test
    void theTimeZoneVariableIsTheOneTheApplicationsRead() throws IOException {
        String platform = resource("tracker-platform.yml");
        assertThat(platform).contains("time-zone: Europe/London");
        // Spring's relaxed binding: TRACKER_TIME_ZONE sets tracker.time-zone
        for (String side : List.of("command-side", "query-side")) {
            assertThat(map(map(services.get(side)).get("environment"))).containsEntry("TRACKER_TIME_ZONE", "Europe/London");
        }
    }

    @Test
    void theGatewaySendsReadsToTheQuerySideAndEverythingElseToTheCommandSide() {
        Matcher map = Pattern.compile("map \\$request_method \\$backend \\{([^}]*)}").matcher(gateway);
        assertThat(map.find()).isTrue();
        Map<String, String> routes = new java.util.HashMap<>();
        for (String line : map.group(1).strip().split(";")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2) {
                routes.put(parts[0], parts[1]);
            }
        }
        assertThat(routes).containsOnly(Map.entry("GET", "query_side"), Map.entry("HEAD", "query_side"),
                Map.entry("default", "command_side"));
        assertThat(gateway).contains("upstream query_side {\n        server query-side:")
                .contains("upstream command_side {\n        server command-side:")
                .contains("proxy_pass http://$backend;")
                .contains("listen 8080;");
    }

    @Test
    void theGatewaySendsEveryMethodOfTheProjectionAdministrationToTheQuerySide() {
        Map<String, String> locations = new java.util.HashMap<>();
        Matcher location = Pattern.compile("location\\s+([^{\\s]+(?:\\s+[^{\\s]+)?)\\s*\\{([^}]*)}").matcher(gateway);
        while (location.find()) {
            locations.put(location.group(1), location.group(2));
        }
        String path = ProjectionAdminController.PATH;
        assertThat(locations).containsKey(path);
        String block = locations.get(path);
        assertThat(block).contains("proxy_pass http://query_side;").doesNotContain("$backend")
                .doesNotContain("limit_except");
        // the path the gateway routes (a prefix: its sub-paths too) is the one the query side's controller serves,
        // rebuild, pause and resume included
        assertThat(ProjectionAdminController.class.getAnnotation(RequestMapping.class).value()).containsExactly(path);
        assertThat(Arrays.stream(ProjectionAdminController.class.getDeclaredMethods())
                .map(method -> method.getAnnotation(PostMapping.class)).filter(Objects::nonNull)
                .flatMap(post -> Arrays.stream(post.value()))).containsExactlyInAnyOrder("/rebuild", "/pause", "/resume");
        assertThat(gateway).contains("location " + path + " {"); // a prefix location, not "location = ..."
        // and everything else still goes by method
        assertThat(locations.get("/")).contains("proxy_pass http://$backend;");
    }

    @Test
    void eachDockerfileCopiesTheJarTheBuildMakes() throws IOException {
        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> build = map(map(services.get(side)).get("build"));
            assertThat(build.get("dockerfile")).isEqualTo(side + "/Dockerfile");
            String dockerfile = Files.readString(ROOT.resolve(side + "/Dockerfile"));
            Matcher copy = Pattern.compile("COPY (\\S+) /app/app.jar").matcher(dockerfile);
            assertThat(copy.find()).as(side).isTrue();
            Path jarPattern = Path.of(copy.group(1));
            String glob = "glob:" + jarPattern.getFileName();
            try (var jars = Files.list(ROOT.resolve(jarPattern.getParent()))) {
                assertThat(jars.filter(jar -> jar.getFileSystem().getPathMatcher(glob).matches(jar.getFileName())))
                        .as("the jar %s that %s/Dockerfile copies", jarPattern, side).hasSize(1);
            }
        }
    }

    private static String defaultPortOf(String file) throws IOException {
        Matcher port = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(Files.readString(ROOT.resolve(file)));
        assertThat(port.find()).as(file).isTrue();
        return port.group(1);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DockerComposeConsistencyTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
