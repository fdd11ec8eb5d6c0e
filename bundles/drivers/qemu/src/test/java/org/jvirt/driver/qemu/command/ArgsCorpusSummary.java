package org.jvirt.driver.qemu.command;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints, when the test run ends, how many of libvirt's command lines jvirt builds: passed of run. */
public class ArgsCorpusSummary implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int run = ArgsCorpusTest.RUN.get();
        if (run > 0) {
            System.out.println("qemuxmlconfdata x86_64-latest.args: " + ArgsCorpusTest.PASSED.get() + " passed of "
                    + run + " run (" + ArgsCorpusTest.SKIPPED.get() + " skipped, "
                    + (run - ArgsCorpusTest.PASSED.get() - ArgsCorpusTest.SKIPPED.get()) + " failed)");
        }
    }
}
