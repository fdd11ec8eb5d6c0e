package org.jvirt.driver.test;

import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.BaselineCPUFlag;
import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.NodeCPUMap;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirConstants;
import org.jvirt.api.VirtException;

/**
 * What libvirt's test driver tells about its host beyond node info and capabilities: fixed CPU counters, the free
 * memory of its NUMA cells, made-up free page counts, a CPU map and an SMBIOS description. The connection
 * implements this interface; the cells are those of {@link HostObjects#cells}.
 */
interface TestHost extends Connect {
    /** The SMBIOS description libvirt's test driver gives (testConnectGetSysinfo). */
    String SYSINFO = "<sysinfo type='smbios'>\n"
            + "  <bios>\n"
            + "    <entry name='vendor'>LENOVO</entry>\n"
            + "    <entry name='version'>G4ETA1WW (2.61 )</entry>\n"
            + "    <entry name='date'>05/07/2014</entry>\n"
            + "    <entry name='release'>2.61</entry>\n"
            + "  </bios>\n"
            + "</sysinfo>\n";

    /** The connection this part belongs to: only {@link TestConnect} implements it. */
    private TestConnect self() {
        return (TestConnect) this;
    }

    /** The counters of every CPU, whichever is asked for (testNodeGetCPUStats), in nanoseconds. */
    @Override
    default TypedParameters nodeGetCPUStats(int cpuNum) {
        if (cpuNum < 0 && cpuNum != VirConstants.NODE_CPU_STATS_ALL_CPUS) {
            // the check of libvirt's entry point, in its words
            throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "cpuNum in virNodeGetCPUStats only accepts " + VirConstants.NODE_CPU_STATS_ALL_CPUS
                            + " as a negative value");
        }
        return TypedParameters.builder()
                .addULLong(TypedParamFields.NODE_CPU_STATS_USER, 9797400000L)
                .addULLong(TypedParamFields.NODE_CPU_STATS_KERNEL, 34678723400000L)
                .addULLong(TypedParamFields.NODE_CPU_STATS_IDLE, 87264900000L)
                .addULLong(TypedParamFields.NODE_CPU_STATS_IOWAIT, 763600000L)
                .build();
    }

    /** The sum of the cells' free memory (testNodeGetFreeMemory): cell i has (i + 1) GiB free. */
    @Override
    default long nodeGetFreeMemory() {
        return self().locked(() -> {
            long free = 0;
            for (int i = 0; i < self().state.objects.cells; i++) {
                free += (i + 1) * 1024L * 1024;
            }
            return free;
        });
    }

    /** The memory of cells {@code startCell} onwards (testNodeGetCellsFreeMemory gives each cell's size). */
    @Override
    default long[] nodeGetCellsFreeMemory(int startCell, int maxCells) {
        return self().locked(() -> {
            int cells = self().state.objects.cells;
            if (startCell < 0 || maxCells <= 0 || startCell >= cells) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.TEST, "Range exceeds available cells");
            }
            int n = Math.min(cells - startCell, maxCells);
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = (startCell + i + 1) * 2048L * 1024;
            }
            return out;
        });
    }

    /** Made-up counts for any cells and page sizes, as libvirt's test driver makes them (19, 45, 97, 201, …). */
    @Override
    default long[] nodeGetFreePages(int[] pages, int startCell, int cellCount) {
        long[] out = new long[pages.length * cellCount];
        long x = 6;
        for (int i = 0; i < out.length; i++) {
            x = x * 2 + 7;
            out[i] = x;
        }
        return out;
    }

    /** Eight CPUs of which 0, 2 and 4 are online (testNodeGetCPUMap). */
    @Override
    default NodeCPUMap nodeGetCPUMap() {
        BitSet online = new BitSet();
        online.set(0);
        online.set(2);
        online.set(4);
        return new NodeCPUMap(8, online);
    }

    @Override
    default String getSysinfo() {
        return SYSINFO;
    }

    /** The richest CPU every one of {@code xmlCPUs} can give a guest (testConnectBaselineCPU). */
    @Override
    default String baselineCPU(List<String> xmlCPUs, Set<BaselineCPUFlag> flags) {
        Flags.check("testConnectBaselineCPU", flags, BaselineCPUFlag.EXPAND_FEATURES.value());
        return CpuBaseline.baseline(xmlCPUs, flags.contains(BaselineCPUFlag.EXPAND_FEATURES));
    }

    /** The CPU models of libvirt's CPU map for {@code arch} (testConnectGetCPUModelNames). */
    @Override
    default List<String> getCPUModelNames(String arch) {
        return CpuModels.names(arch);
    }
}
