package org.jvirt.shell.internal.commands;

import java.util.Locale;

import org.jvirt.api.DomainProcessSignal;
import org.jvirt.api.KeycodeSet;
import org.jvirt.shell.internal.vsh.CNumbers;

/** The names send-key and send-process-signal accept. */
final class Keycodes {
    private Keycodes() {
    }

    /** A codeset by libvirt's name for it ("linux", "xt", "os_x", "rfb" for qnum...), or null. */
    static KeycodeSet codeset(String name) {
        return switch (name) {
            case "linux" -> KeycodeSet.LINUX;
            case "xt" -> KeycodeSet.XT;
            case "atset1" -> KeycodeSet.ATSET1;
            case "atset2" -> KeycodeSet.ATSET2;
            case "atset3" -> KeycodeSet.ATSET3;
            case "os_x" -> KeycodeSet.OSX;
            case "xt_kbd" -> KeycodeSet.XT_KBD;
            case "usb" -> KeycodeSet.USB;
            case "win32" -> KeycodeSet.WIN32;
            case "qnum", "rfb" -> KeycodeSet.QNUM;
            default -> null;
        };
    }

    /**
     * A key code: a number (decimal, or hex with 0x, as C's strtol in base 0 reads it). Symbolic key names need
     * libvirt's keymap tables, which jvirt does not carry: they are refused (-1).
     */
    static int parse(KeycodeSet codeset, String key) {
        String s = key.trim();
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) {
                return Integer.parseInt(s.substring(2), 16);
            }
            if (s.length() > 1 && s.startsWith("0")) {
                return Integer.parseInt(s.substring(1), 8);
            }
            long v = CNumbers.strtoi(s).orElse(-1);
            return (int) v;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A signal by number or by name, with or without "sig" or "sig_" before it ("SIGTERM", "term", "15"). */
    static DomainProcessSignal signal(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        var number = CNumbers.strtoi(s);
        if (number.isPresent()) {
            for (DomainProcessSignal sig : DomainProcessSignal.values()) {
                if (sig.value() == number.getAsLong()) {
                    return sig;
                }
            }
            return null;
        }
        if (s.startsWith("sig_")) {
            s = s.substring(4);
        } else if (s.startsWith("sig")) {
            s = s.substring(3);
        }
        for (DomainProcessSignal sig : DomainProcessSignal.values()) {
            if (sig.name().equalsIgnoreCase(s)) {
                return sig;
            }
        }
        return null;
    }
}
