package org.jvirt.driver.qemu.command;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.driver.qemu.firmware.FirmwareSearchPath;
import org.jvirt.driver.qemu.firmware.FirmwareSelection;

/**
 * The firmware libvirt's corpus is defined with: jvirt's own descriptors of the images the corpus names
 * ({@code src/test/resources/firmware/corpus}), and libvirt's NVRAM folder, so that the paths match libvirt's files.
 */
final class CorpusFirmware {
    static final Path LIBVIRT_NVRAM_DIR = Path.of("/var/lib/libvirt/qemu/nvram");

    private CorpusFirmware() {
    }

    static Path descriptors() {
        URL url = CorpusFirmware.class.getResource("/firmware/corpus");
        if (url == null) {
            throw new IllegalStateException("firmware/corpus is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FirmwareSelection selection() {
        return new FirmwareSelection(new FirmwareSearchPath(List.of(descriptors())), LIBVIRT_NVRAM_DIR);
    }
}
