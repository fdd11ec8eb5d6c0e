package org.jvirt.driver.qemu.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;

/**
 * A start as libvirt's tests make it (qemuxmlconftest): the domain's QEMU defaults (again, as a start applies them)
 * without the ABI update, its aliases, and the paths libvirt's test harness uses, so that jvirt's command line can be compared with libvirt's.
 *
 * <p>The one place where the two are made alike, and what it changes: libvirt hands QEMU open file descriptors
 * where jvirt, which starts QEMU through the JDK's ProcessBuilder and can pass none, names paths.
 * <ul>
 * <li>sockets QEMU listens on (the monitor, server chardevs): libvirt's {@code fd=1729} for jvirt's
 * {@code path=P};</li>
 * <li>files QEMU writes (file chardevs): libvirt's {@code -add-fd set=N,…} lines are dropped and its
 * {@code path=/dev/fdset/N,append=on} stands for jvirt's {@code path=P} (libvirt truncates the file itself unless
 * told to append, and lets QEMU append; QEMU does the same with the path).</li>
 * </ul>
 * Environment lines are not part of the argument array (jvirt sets them on the process) and are not compared. The
 * master key lives where libvirt's tests put it ({@code /var/lib/libvirt/qemu/domain--1-NAME/master-key.aes})
 * because the test hands jvirt that folder, as it hands it libvirt's one real CD-ROM drive, /dev/cdrom.
 */
final class CorpusLaunch {
    private static final Pattern LISTENING = Pattern.compile("socket,id=([^,]+),path=(?:[^,]|,,)+,server=on,wait=off");
    private static final Pattern FILE = Pattern.compile("file,id=([^,]+),path=(?:[^,]|,,)+(?:,append=on)?");

    private CorpusLaunch() {
    }

    /**
     * jvirt's command line for {@code def}, defined as the driver defines it ({@link NewDefinition}), in libvirt's
     * form where only descriptors make them differ.
     */
    static List<String> commandLine(DomainDef def, QemuCaps caps) {
        QemuDefaults.apply(def, caps, false);
        Aliases.assign(def);
        Path dir = Path.of("/var/lib/libvirt/qemu/domain--1-" + def.name);
        List<String> args = QemuCommandLine.build(def, caps, new LaunchPaths(dir, dir.resolve("monitor.sock"),
                Path.of("/run/libvirt/qemu/" + def.name + ".pid"), dir.resolve("master-key.aes"), 5900,
                Set.of("/dev/cdrom"), null, null));
        List<String> out = new ArrayList<>(args.size());
        int fdset = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i > 0 && "-chardev".equals(args.get(i - 1))) {
                Matcher l = LISTENING.matcher(a);
                Matcher f = FILE.matcher(a);
                if (l.matches()) {
                    a = "socket,id=" + l.group(1) + ",fd=1729,server=on,wait=off";
                } else if (f.matches()) {
                    a = "file,id=" + f.group(1) + ",path=/dev/fdset/" + fdset++ + ",append=on";
                }
            }
            out.add(a);
        }
        return out;
    }

    /** libvirt's expected arguments without the {@code -add-fd} lines of the descriptors it passes. */
    static List<String> libvirts(List<String> argv) {
        List<String> out = new ArrayList<>(argv.size());
        for (int i = 0; i < argv.size(); i++) {
            if ("-add-fd".equals(argv.get(i))) {
                i++;
                continue;
            }
            out.add(argv.get(i));
        }
        return out;
    }
}
