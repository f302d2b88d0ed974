package org.commissioning.tracker.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How much of a JVM's CPU its JIT compiler threads take, from Linux's {@code /proc/PID/task/*}: the CPU time of the
 * threads named {@code C1 CompilerThread*} and {@code C2 CompilerThread*} against that of the whole process, both in
 * clock ticks. A write round measured while this share is high measures the warm-up, not the application: on 2 cores a
 * fresh JVM of ours compiled for about two minutes of 8-thread writes, at a third of the application's CPU, and its
 * write rate nearly doubled once that stopped (README, "HTTP writes").
 *
 * <p>Only live compiler threads are counted, while the process's figure keeps its ended threads' time: a JVM that stops
 * idle compiler threads ({@code -XX:+UseDynamicNumberOfCompilerThreads}, with more than one thread of a kind, which 2
 * cores do not give) would show less JIT work than it did.
 */
final class JitActivity {

    /** Compiler threads' and the whole process's CPU, in clock ticks, at {@code at} ({@link System#nanoTime}). */
    record Sample(long compiler, long all, long at) {

        /** The compiler threads' share of the process's CPU since {@code earlier}, from 0 to 1 (0 when idle). */
        double shareSince(Sample earlier) {
            long spent = all - earlier.all;
            return spent <= 0 ? 0 : (double) (compiler - earlier.compiler) / spent;
        }
    }

    private JitActivity() {
    }

    /** A sample of process {@code pid}; zeros where /proc cannot be read (not Linux, or gone). */
    static Sample sample(long pid) {
        Path task = Path.of("/proc", String.valueOf(pid), "task");
        long at = System.nanoTime();
        long compiler = 0;
        try (Stream<Path> threads = Files.list(task)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        compiler += ticks(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException | RuntimeException ended) {
                    // the thread ended meanwhile
                }
            }
            return new Sample(compiler, ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))), at);
        } catch (IOException | RuntimeException unreadable) {
            return new Sample(0, 0, at);
        }
    }

    /** utime + stime of a {@code stat} line (fields 14 and 15; the name in brackets may hold spaces). */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
