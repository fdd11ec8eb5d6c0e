package org.jvirt.driver.test;

/** The test driver's capabilities XML (testBuildCapabilities), with the NUMA cells of its state. */
final class Capabilities {
    private Capabilities() {
    }

    /** {@code cells} NUMA cells of 8 CPUs each; cell i has (i + 1) * 2 GiB. */
    static String build(int cells) {
        StringBuilder sb = new StringBuilder();
        sb.append("<capabilities>\n\n  <host>\n    <cpu>\n      <arch>i686</arch>\n      <features>\n")
                .append("        <pae/>\n        <nonpae/>\n      </features>\n");
        for (int size : new int[] {4, 8, 2048, 1048576}) {
            sb.append("      <pages unit='KiB' size='").append(size).append("'/>\n");
        }
        sb.append("    </cpu>\n    <power_management/>\n    <iommu support='no'/>\n    <topology>\n")
                .append("      <cells num='").append(cells).append("'>\n");
        for (int i = 0; i < cells; i++) {
            long mem = (i + 1) * 2048L * 1024;
            int firstPage = i == 1 ? 8 : 4;
            sb.append("        <cell id='").append(i).append("'>\n")
                    .append("          <memory unit='KiB'>").append(mem).append("</memory>\n")
                    .append("          <pages unit='KiB' size='").append(firstPage).append("'>")
                    .append(mem / firstPage).append("</pages>\n")
                    .append("          <pages unit='KiB' size='2048'>0</pages>\n")
                    .append("          <pages unit='KiB' size='1048576'>0</pages>\n")
                    .append("          <cpus num='8'>\n");
            for (int c = 0; c < 8; c++) {
                int id = i * 8 + c;
                sb.append("            <cpu id='").append(id).append("' socket_id='").append(i)
                        .append("' die_id='0' core_id='").append(c).append("' siblings='").append(id)
                        .append("'/>\n");
            }
            sb.append("          </cpus>\n        </cell>\n");
        }
        sb.append("      </cells>\n    </topology>\n    <secmodel>\n      <model>testSecurity</model>\n")
                .append("      <doi></doi>\n    </secmodel>\n  </host>\n\n");
        for (String os : new String[] {"hvm", "xen"}) {
            sb.append("  <guest>\n    <os_type>").append(os).append("</os_type>\n    <arch name='i686'>\n")
                    .append("      <wordsize>32</wordsize>\n      <emulator>/usr/bin/test-hv</emulator>\n")
                    .append("      <domain type='test'/>\n    </arch>\n    <features>\n      <pae/>\n")
                    .append("      <nonpae/>\n    </features>\n  </guest>\n\n");
        }
        sb.append("</capabilities>\n");
        return sb.toString();
    }
}
