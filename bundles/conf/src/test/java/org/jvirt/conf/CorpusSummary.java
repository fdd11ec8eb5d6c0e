package org.jvirt.conf;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints, when the test run ends, each corpus folder's cases passed out of cases run. */
public class CorpusSummary implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        for (String line : Corpus.summary()) {
            System.out.println(line);
        }
    }
}
