package org.jvirt.driver.qemu.command;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/** Prints, when the test run ends, how many of libvirt's defined domains jvirt formats as libvirt does. */
public class Xml2XmlCorpusSummary implements TestExecutionListener {
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        int run = QemuXml2XmlTest.RUN.get();
        if (run > 0) {
            System.out.println("qemuxmlconfdata x86_64-latest.xml: " + QemuXml2XmlTest.PASSED.get() + " passed of "
                    + run);
        }
    }
}
