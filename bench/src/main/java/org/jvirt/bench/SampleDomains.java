package org.jvirt.bench;

/** Domain documents for benchmarks, made here so the benchmarks need no data files. */
final class SampleDomains {
    private SampleDomains() {
    }

    /** The small domain libvirt's own benchmark defines (bench_rpc.py's case c). */
    static String small(String name, String uuid) {
        return "<domain type='test'>\n  <name>" + name + "</name>\n  <uuid>" + uuid + "</uuid>\n"
                + "  <memory unit='KiB'>65536</memory>\n  <vcpu>1</vcpu>\n"
                + "  <os><type arch='x86_64'>hvm</type></os>\n</domain>";
    }

    /** A large guest: CPU topology and NUMA, tuning, 24 disks, 8 interfaces, serial, channels, graphics. */
    static String large(String name, String uuid) {
        StringBuilder sb = new StringBuilder();
        sb.append("<domain type='kvm'>\n  <name>").append(name).append("</name>\n  <uuid>").append(uuid)
                .append("</uuid>\n  <title>a large guest</title>\n")
                .append("  <memory unit='GiB'>16</memory>\n  <vcpu placement='static' current='8'>16</vcpu>\n")
                .append("  <cputune><shares>2048</shares><vcpupin vcpu='0' cpuset='1'/>"
                        + "<emulatorpin cpuset='1-3'/></cputune>\n")
                .append("  <os><type arch='x86_64' machine='pc-q35-8.0'>hvm</type><boot dev='hd'/></os>\n")
                .append("  <features><acpi/><apic/><vmport state='off'/></features>\n")
                .append("  <cpu mode='host-model'><topology sockets='2' cores='4' threads='2'/>"
                        + "<numa><cell id='0' cpus='0-7' memory='8' unit='GiB'/>"
                        + "<cell id='1' cpus='8-15' memory='8' unit='GiB'/></numa></cpu>\n")
                .append("  <clock offset='utc'><timer name='rtc' tickpolicy='catchup'/></clock>\n")
                .append("  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n");
        for (int i = 0; i < 24; i++) {
            char d = (char) ('a' + i);
            sb.append("    <disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='none'/>")
                    .append("<source file='/var/lib/libvirt/images/").append(name).append('-').append(i)
                    .append(".qcow2'/><target dev='vd").append(d).append("' bus='virtio'/></disk>\n");
        }
        for (int i = 0; i < 8; i++) {
            sb.append("    <interface type='network'><mac address='52:54:00:00:10:0").append(i)
                    .append("'/><source network='default'/><model type='virtio'/></interface>\n");
        }
        sb.append("    <serial type='pty'><target port='0'/></serial>\n")
                .append("    <console type='pty'><target type='serial' port='0'/></console>\n")
                .append("    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>\n")
                .append("    <input type='tablet' bus='usb'/>\n")
                .append("    <graphics type='vnc' autoport='yes'><listen type='address'/></graphics>\n")
                .append("    <video><model type='virtio' heads='1'/></video>\n")
                .append("    <memballoon model='virtio'/>\n    <rng model='virtio'>"
                        + "<backend model='random'>/dev/urandom</backend></rng>\n")
                .append("  </devices>\n</domain>\n");
        return sb.toString();
    }
}
