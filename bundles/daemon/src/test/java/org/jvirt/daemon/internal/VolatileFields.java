package org.jvirt.daemon.internal;

import java.util.regex.Pattern;

/**
 * What differs between two correct runs and is masked before outputs are compared, all in one place: the CPU time
 * a running test domain has used (the test drivers derive it from the clock), and the words of the one error libvirt's
 * remote client makes up itself, before any server hears of it (deregistering an unknown event callback: libvirt's
 * client says it of libvirtd's connections in the same words).
 */
final class VolatileFields {
    private static final Pattern CPU_TIME = Pattern.compile("(?m)^(CPU time:\\s+)\\d+(\\.\\d+)?s$");
    private static final Pattern CPU_TIME_PY = Pattern.compile("('cpuTime': )\\d+");
    private static final Pattern REMOTE_CALLBACK = Pattern.compile(
            "invalid argument: event callback id (\\d+) not registered");

    private VolatileFields() {
    }

    static String mask(String output) {
        String s = CPU_TIME.matcher(output).replaceAll("$1<masked>s");
        s = CPU_TIME_PY.matcher(s).replaceAll("$1<masked>");
        return REMOTE_CALLBACK.matcher(s).replaceAll("invalid argument: could not find event callback $1 for deletion");
    }
}
