package org.jvirt.driver.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A guest with no operating system that still answers ACPI: a 512-byte boot sector, written by the test, that
 * SeaBIOS boots from a raw disk. Each time it boots it writes its own sector to the disk's second sector through
 * the BIOS (so the disk's device sees a guest write) and prints "B" on the first serial port; it enables the power
 * button event of the PIIX4 PM (SeaBIOS puts its registers at I/O port 0x600), and sleeps; when the power button
 * is pressed (QEMU's system_powerdown) it prints "P" and powers the machine off (SLP_EN with S5 into PM1a_CNT),
 * which QEMU reports as a SHUTDOWN from the guest.
 */
final class AcpiGuest {
    /**
     * The code, assembled from this 16-bit source (GNU as, .code16, loaded at 0x7c00):
     * <pre>
     *   cli; xor ax,ax; mov ds,ax; mov es,ax; mov ss,ax; mov sp,0x7c00
     *   mov ax,0x0301; mov cx,2; xor dh,dh; mov bx,0x7c00; int 0x13   ; BIOS: write 1 sector to CHS 0/0/2
     *   mov dx,0x3f8; mov al,'B'; out dx,al; mov al,10; out dx,al     ; "B\n" on COM1
     *   mov dx,0x602; mov ax,0x100; out dx,ax                         ; PM1_EN: power button
     *   sti
     * 1: hlt                                                         ; the timer wakes it 18 times a second
     *   mov dx,0x600; in ax,dx; test ax,0x100; jz 1b                  ; PM1_STS: power button pressed?
     *   out dx,ax                                                     ; clear it
     *   mov dx,0x3f8; mov al,'P'; out dx,al; mov al,10; out dx,al     ; "P\n"
     *   mov dx,0x604; mov ax,0x2000; out dx,ax                        ; PM1_CNT: SLP_EN, S5 = power off
     *   jmp 1b
     * </pre>
     */
    private static final String CODE = "fa31c08ed88ec08ed0bc007cb80103b9020030f6bb007ccd13baf803b042eeb00aeeba0206"
            + "b80001effbf4ba0006eda9000174f6efbaf803b050eeb00aeeba0406b80020efebe3";

    final Path disk;
    final Path serial;

    AcpiGuest(Path dir) throws IOException {
        this.disk = dir.resolve("acpi-guest.img");
        this.serial = dir.resolve("acpi-guest.serial");
        byte[] image = new byte[1 << 20]; // SeaBIOS will not boot a disk of a few sectors
        byte[] code = HexFormat.of().parseHex(CODE);
        System.arraycopy(code, 0, image, 0, code.length);
        image[510] = 0x55;
        image[511] = (byte) 0xaa;
        Files.write(disk, image);
    }

    /** The domain: ACPI on, the boot disk, COM1 appended to a file (which a restored QEMU opens again). */
    String xml(String name) {
        return xml(name, "");
    }

    /** The same with more devices after the boot disk. */
    String xml(String name, String devices) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                + "<os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os><features><acpi/></features>"
                + "<devices><disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + disk
                + "'/><target dev='vda' bus='virtio'/></disk>" + devices + "<serial type='file'><source path='"
                + serial + "' append='on'/><target port='0'/></serial></devices></domain>";
    }

    /** What the guest printed so far. */
    String output() throws IOException {
        return Files.exists(serial) ? Files.readString(serial) : "";
    }

    /** Waits until the guest printed {@code text} (its boots and power-offs); false at the timeout. */
    boolean awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().equals(text)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
