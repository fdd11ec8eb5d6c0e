package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jvirt.driver.test.PackageClasses;
import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.Libvirt;
import org.jvirt.api.Network;
import org.jvirt.api.StoragePool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The error domain of every entry point follows the source file libvirt keeps its function in: the shipped table of
 * files (libvirt-modules.tsv) agrees with libvirt's API descriptions, and every API method reports from its file's
 * domain whatever interface declares it.
 */
class ErrorDomainsTest {
    private static final List<String> DESCRIPTIONS = List.of("libvirt-api.xml", "libvirt-qemu-api.xml",
            "libvirt-lxc-api.xml");

    @Test
    void theShippedTableOfFilesIsLibvirts() throws Exception {
        String shared = System.getProperty("jvirt.shared");
        Path folder = shared == null ? null : Path.of(shared, "libvirt-api");
        Assumptions.assumeTrue(folder != null && Files.isRegularFile(folder.resolve("libvirt-api.xml")),
                "libvirt's API description is absent (../shared/libvirt-api): the table of files not checked");
        Map<String, String> libvirt = new TreeMap<>();
        for (String file : DESCRIPTIONS) {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(folder.resolve(file).toFile());
            NodeList functions = doc.getElementsByTagName("function");
            for (int i = 0; i < functions.getLength(); i++) {
                Element f = (Element) functions.item(i);
                libvirt.put(f.getAttribute("name"), f.getAttribute("module"));
            }
        }
        assertThat(libvirt).hasSizeGreaterThan(500);
        List<String> wrong = new ArrayList<>();
        libvirt.forEach((function, module) -> {
            if (!module.equals(ApiKinds.module(function))) {
                wrong.add(function + "\t" + module + " (table: " + ApiKinds.module(function) + ")");
            }
        });
        assertThat(wrong).as("functions whose file libvirt-modules.tsv gives wrongly").isEmpty();
    }

    @Test
    void everyEntryPointReportsFromItsFilesDomain() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : PackageClasses.of(Connect.class, "org/jvirt/api/")) {
            for (Method m : type.getDeclaredMethods()) {
                Libvirt name = m.getAnnotation(Libvirt.class);
                String module = name == null ? null : ApiKinds.module(name.value());
                ErrorDomain expected = module == null ? null : ApiKinds.MODULE_DOMAINS.get(module);
                if (expected == null) {
                    continue;
                }
                checked++;
                ErrorDomain actual = Invocations.facts(m).errorDomain();
                if (actual != expected) {
                    wrong.add(type.getSimpleName() + "." + m.getName() + " (" + name.value() + " in " + module
                            + "): " + actual + ", not " + expected);
                }
            }
        }
        assertThat(checked).isGreaterThan(400);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aFunctionInAnotherFileThanItsInterfaceReportsFromTheFile() throws Exception {
        assertThat(Invocations.facts(Domain.class.getMethod("snapshotCreateXML", String.class, java.util.Set.class))
                .errorDomain()).isEqualTo(ErrorDomain.DOMAIN_SNAPSHOT);
        assertThat(Invocations.facts(Domain.class.getMethod("qemuMonitorCommand", String.class, java.util.Set.class))
                .errorDomain()).isEqualTo(ErrorDomain.NONE);
        assertThat(Invocations.facts(DomainSnapshot.class.getMethod("getName")).errorDomain())
                .isEqualTo(ErrorDomain.DOMAIN_SNAPSHOT);
        assertThat(Invocations.facts(Network.class.getMethod("getName")).errorDomain())
                .isEqualTo(ErrorDomain.NETWORK);
        assertThat(Invocations.facts(StoragePool.class.getMethod("getName")).errorDomain())
                .isEqualTo(ErrorDomain.STORAGE);
        assertThat(Invocations.facts(Connect.class.getMethod("getHostname")).errorDomain())
                .isEqualTo(ErrorDomain.DOMAIN);
    }
}
