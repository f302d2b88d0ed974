package org.commissioning.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.commissioning.tracker.platform.testing.ApiClient;
import org.commissioning.tracker.platform.testing.TestUsers;

/**
 * One of the applications in a JVM of its own, started as {@code java -cp <test class path> <main class>} (what
 * {@code java -jar} runs; the jars are built after the tests), so that it can be killed with {@code SIGKILL} like a
 * crashed node. Its output goes to a log file whose tail is shown when it does not come up.
 */
final class ChildApplication implements AutoCloseable {

    final String name;
    final int port;
    final ApiClient api;
    private final Process process;
    private final Path log;

    private ChildApplication(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.api = new ApiClient(port);
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code mainClass} on a free port with the test users and these extra {@code --name=value} arguments. A
     * small heap and the client compiler keep five of them affordable on two shared cores.
     */
    static ChildApplication start(String name, Class<?> mainClass, Path logDirectory, String... arguments) {
        try {
            int port = freePort();
            Path log = logDirectory.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), mainClass.getName(),
                    "--server.port=" + port,
                    "--spring.config.additional-location=" + TestUsers.CONFIG));
            for (String argument : arguments) {
                command.add("--" + argument);
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            return new ChildApplication(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The process id; Axon's token store names a node by {@code <pid>@<host>} (the JVM's runtime name). */
    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /actuator/health} answers 200 (at most 4 minutes: several JVMs start at once). */
    void awaitHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("%s is running; its log ends:%n%s", name, logTail()).isTrue();
            try {
                if (api.anonymous().get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not become healthy within 4 minutes; its log ends:\n" + logTail());
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is released, connections drop. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s died", name).isTrue();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** A clean stop (SIGTERM), then a kill if it lingers. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
