package org.jvirt.driver.qemu.command;

import java.nio.file.Path;
import java.util.Set;

/**
 * Where one run of a guest keeps its files, and what was chosen for it before its command line is built.
 *
 * @param domainDir  the run's private folder (sockets libvirt would make there: VNC's)
 * @param monitor    QEMU's QMP socket
 * @param pidFile    the file QEMU writes its pid to
 * @param masterKey  the domain's master key file (for secrets passed to QEMU), or null for none
 * @param vncPort    the VNC port chosen for an autoport display, or -1
 * @param hostCdroms the block devices of cdrom disks that are real CD-ROM drives (QEMU's host_cdrom)
 * @param incoming   QEMU's {@code -incoming} (a restore's "defer"), or null
 * @param loadvm     the internal snapshot QEMU loads as it starts ({@code -loadvm}), or null
 */
public record LaunchPaths(Path domainDir, Path monitor, Path pidFile, Path masterKey, int vncPort,
        Set<String> hostCdroms, String incoming, String loadvm) {
}
