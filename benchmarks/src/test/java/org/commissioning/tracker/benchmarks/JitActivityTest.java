package org.commissioning.tracker.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class JitActivityTest {

    @Test
    void readsUserAndSystemTicksPastANameWithSpacesAndBrackets() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (C2 CompilerThre) S 1 4242 4242 0 -1 4194368 10 0 0 0 1234 56 0 0 20 0 1 0";
        assertThat(JitActivity.ticks(stat)).isEqualTo(1_290);
        assertThat(JitActivity.ticks("7 (a) b) R 1 7 7 0 -1 0 0 0 0 0 3 4 0 0")).isEqualTo(7);
    }

    @Test
    void theShareIsTheCompilersTicksOverTheProcesssSinceTheEarlierSample() {
        JitActivity.Sample earlier = new JitActivity.Sample(100, 1_000, 0);
        assertThat(new JitActivity.Sample(130, 1_200, 1).shareSince(earlier)).isCloseTo(0.15, within(1e-9));
        assertThat(new JitActivity.Sample(100, 1_000, 1).shareSince(earlier)).isZero();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisJvmHasCompilerThreadsThatHaveWorkedAndTheProcessHasWorkedMore() {
        JitActivity.Sample sample = JitActivity.sample(ProcessHandle.current().pid());
        assertThat(sample.compiler()).isPositive();
        assertThat(sample.all()).isGreaterThan(sample.compiler());
        assertThat(JitActivity.sample(Long.MAX_VALUE).all()).isZero();
    }
}
