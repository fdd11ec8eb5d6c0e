package org.jvirt.driver.test;

import org.jvirt.api.KeycodeSet;

/**
 * Which key codes the test driver accepts (libvirt checks them against its keymap tables): a code within the
 * range of its code set. The tables' gaps inside the range are not known here.
 */
final class Keycodes {
    private Keycodes() {
    }

    static boolean valid(KeycodeSet set, int code) {
        int max = switch (set) {
            case LINUX -> 0x2ff;
            case USB, WIN32, OSX -> 0xff;
            case QNUM, XT_KBD, ATSET1, XT -> 0xff;
            default -> 0x1ff;
        };
        return code >= 0 && code <= max;
    }
}
