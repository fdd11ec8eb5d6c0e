package org.jvirt.conf.internal;

import org.jvirt.conf.domain.Features;

/** {@code <features>}: the on/off features libvirt writes with {@code state='on'} when none is given. */
final class FeaturesPostParse {
    private FeaturesPostParse() {
    }

    static void apply(Features f) {
        if (f == null) {
            return;
        }
        if (f.hap != null && f.hap.state == null) {
            f.hap.state = "on";
        }
        if (f.pmu != null && f.pmu.state == null) {
            f.pmu.state = "on";
        }
        if (f.pvspinlock != null && f.pvspinlock.state == null) {
            f.pvspinlock.state = "on";
        }
        if (f.vmport != null && f.vmport.state == null) {
            f.vmport.state = "on";
        }
        if (f.vmcoreinfo != null && f.vmcoreinfo.state == null) {
            f.vmcoreinfo.state = "on";
        }
        if (f.htm != null && f.htm.state == null) {
            f.htm.state = "on";
        }
        if (f.nestedHv != null && f.nestedHv.state == null) {
            f.nestedHv.state = "on";
        }
        if (f.ccfAssist != null && f.ccfAssist.state == null) {
            f.ccfAssist.state = "on";
        }
        if (f.hyperv != null && f.hyperv.mode == null) {
            f.hyperv.mode = "custom";
        }
        if (f.smm != null && f.smm.state == null) {
            f.smm.state = "on";
        }
    }
}
