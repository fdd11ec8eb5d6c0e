package org.jvirt.driver.qemu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find a real QEMU; they skip, saying so, on a machine without one. */
public final class RealQemu {
    public static final Path X86_64 = Path.of("/usr/bin/qemu-system-x86_64");
    public static final Path QEMU_IMG = Path.of("/usr/bin/qemu-img");

    private RealQemu() {
    }

    /** The x86_64 emulator, or the test is skipped. */
    public static Path emulator() {
        assumeTrue(Files.isExecutable(X86_64), "QEMU is not installed (" + X86_64 + "): apt-get install "
                + "qemu-system-x86");
        return X86_64;
    }

    /** qemu-img, or the test is skipped. */
    public static Path qemuImg() {
        assumeTrue(Files.isExecutable(QEMU_IMG), "qemu-img is not installed: apt-get install qemu-utils");
        return QEMU_IMG;
    }
}
