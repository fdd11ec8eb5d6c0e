package org.jvirt.driver.qemu.command;

import java.nio.file.Path;

/**
 * Where one run of a guest keeps its files, and what was chosen for it before its command line is built.
 *
 * @param monitor   QEMU's QMP socket
 * @param pidFile   the file QEMU writes its pid to
 * @param masterKey the domain's master key file (for secrets passed to QEMU), or null for none
 * @param vncPort   the VNC port chosen for an autoport display, or -1
 */
public record LaunchPaths(Path monitor, Path pidFile, Path masterKey, int vncPort) {
}
