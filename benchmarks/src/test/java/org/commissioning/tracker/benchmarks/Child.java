package org.commissioning.tracker.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An application under measurement in its own JVM (as {@code java -jar} runs it), from this module's class path, so
 * that its heap and resident size are its own and the client's threads do not share its JVM.
 */
final class Child implements AutoCloseable {

    final String name;
    final Process process;
    final int port;
    final Path directory;
    final Path log;

    private Child(String name, Process process, int port, Path directory, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.directory = directory;
        this.log = log;
    }

    static Child start(String name, String mainClass, Path directory, String heap, List<String> arguments)
            throws IOException {
        Files.createDirectories(directory);
        int port = freePort();
        Path log = directory.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Daxoniq.update-checker.disabled=true"));
        // extra JVM options for every application, e.g. -XX:+HeapDumpOnOutOfMemoryError (space-separated)
        for (String option : System.getProperty("benchmarks.jvm-options", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass, "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // if this JVM is stopped (a cancelled build), the application and its database stop with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        return new Child(name, process, port, directory, log);
    }

    /** Waits until {@code path} answers 200 (or, with {@code anyAnswer}, anything at all). */
    void awaitUp(Client client, String path, boolean anyAnswer) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; its log:\n" + tail());
            }
            try {
                int status = client.get(path).status();
                if (status == 200 || anyAnswer) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not start within 5 minutes; its log:\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: a clean stop, which stops its PostgreSQL too
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
