package org.jvirt.driver.qemu;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.KeycodeSet;
import org.jvirt.api.VirtException;

/**
 * Key codes to QEMU's (qnum), as qemuDomainSendKey translates them. The driver knows the keys where Linux's codes,
 * the XT and AT set 1 scancodes and qnum coincide (1 to 83: Escape to the keypad's period, the main block of a PC
 * keyboard); any other key of a codeset other than qnum fails with libvirt's translation error.
 */
final class KeyCodes {
    /** KEY_KPDOT, the last key whose code is the same in all those sets. */
    private static final int LAST_SHARED = 83;

    private KeyCodes() {
    }

    static int toQnum(KeycodeSet set, int code) {
        if (set == KeycodeSet.QNUM) {
            return code;
        }
        boolean shared = set == KeycodeSet.LINUX || set == KeycodeSet.XT || set == KeycodeSet.ATSET1
                || set == KeycodeSet.XT_KBD;
        if (shared && code >= 1 && code <= LAST_SHARED) {
            return code;
        }
        String name = set == KeycodeSet.OSX ? "os_x" : set.libvirtName().substring("VIR_KEYCODE_SET_".length())
                .toLowerCase();
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "cannot translate keycode "
                + Integer.toUnsignedString(code) + " of " + name + " codeset to qnum keycode");
    }
}
