package org.jvirt.daemon.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jvirt.daemon.probe.ProcedureProbe;
import org.jvirt.rpc.Procedure;
import org.junit.jupiter.api.Test;

/** The procedures table: one row for every procedure a client may call, naming a real libvirt function. */
class ProcedureTableTest {
    private final ProcedureTable table = ProcedureTable.load();

    @Test
    void everyCallableProcedureHasARowAndNothingElseDoes() {
        List<Procedure<?, ?>> callable = ProcedureProbe.probed();
        for (Procedure<?, ?> p : callable) {
            assertThat(table.facts(p)).as("row of %s", p).isNotNull();
        }
        assertThat(table.all()).hasSize(callable.size());
        assertThat(table.all()).extracting(f -> f.procedure().event()).containsOnly(false);
    }

    @Test
    void refusalsReadAsLibvirtsAndEveryRuleIsOneOfFour() {
        long refused = 0;
        for (ProcedureTable.Facts f : table.all()) {
            if (f.readOnly() instanceof ReadOnlyRule.Allowed) {
                assertThat(f.refusal()).isEmpty();
                continue;
            }
            refused++;
            assertThat(f.denied().getMessage()).startsWith("operation forbidden: ");
            assertThat(f.refusal()).contains(f.function());
        }
        // libvirt 9.0: 208 of the 391 procedures a client may call change state (or may, with some flags)
        assertThat(table.all()).hasSize(391);
        assertThat(refused).isEqualTo(208);
    }

    @Test
    void functionNamesAreLibvirtsPublicOnesWhereLibvirtHasThem() throws Exception {
        String shared = System.getProperty("jvirt.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "libvirt-api")),
                "../shared/libvirt-api is absent: the function names are not checked against libvirt's API");
        Set<String> functions = new HashSet<>();
        Pattern p = Pattern.compile("<function name='(vir[A-Za-z0-9]+)'");
        try (var files = Files.list(Path.of(shared, "libvirt-api"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".xml")).toList()) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    functions.add(m.group(1));
                }
            }
        }
        // the migration steps and the connection's own calls are libvirt's internal entry points
        Set<String> internal = new HashSet<>();
        for (ProcedureTable.Facts f : table.all()) {
            if (!functions.contains(f.function())) {
                internal.add(f.procedure().name());
            }
        }
        assertThat(internal).allMatch(n -> n.startsWith("DOMAIN_MIGRATE_") || n.equals("CONNECT_SUPPORTS_FEATURE")
                || n.equals("DOMAIN_CREATE_XML_WITH_FILES") || n.equals("DOMAIN_CREATE_WITH_FILES")
                || n.equals("CONNECT_SET_IDENTITY") || n.equals("DOMAIN_OPEN_GRAPHICS")
                || n.startsWith("DOMAIN_EVENT_CALLBACK") || n.equals("CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY")
                || n.equals("CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY"), "internal: " + internal);
    }
}
