package org.jvirt.shell.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.shell.internal.ShellHarness;
import org.jvirt.shell.internal.ShellHarness.Run;
import org.jvirt.shell.internal.TestDriverFactory;

/**
 * The commands on real command lines, through a real Gogo runtime, against jvirt's test driver through core's
 * standalone factory (a new one per test, so a fresh test:///default; within a test the state carries over from one
 * console run to the next, as it does between clients of one libvirtd). Expected texts are virsh 9.0's for libvirt's test driver (the CPU time line, the host's clock
 * there, is checked by its form).
 */
class CommandsTest {
    private static final String UUID = "6695eb01-f6a4-8304-79aa-97f2502e193f";

    private ShellHarness shell;

    @TempDir
    Path dir;

    @BeforeEach
    void freshHost() {
        shell = new ShellHarness(TestDriverFactory.fresh());
    }

    private Run run(String line) {
        return shell.run("test:///default", false, "", line);
    }

    private Run quiet(String line) {
        return shell.run("test:///default", true, "", line);
    }

    @Test
    void listTheDefaultHost() {
        assertThat(run("list").out()).isEqualTo(" Id   Name   State\n----------------------\n 1    test   running\n\n");
        assertThat(run("list --inactive").out()).isEqualTo(" Id   Name   State\n--------------------\n\n");
        assertThat(run("list --name --all").out()).isEqualTo("test\n\n");
        assertThat(run("list --uuid --name --id --all").out()).isEqualTo(UUID + " 1 test\n\n");
        assertThat(quiet("list").out()).isEqualTo(" 1   test   running\n");
    }

    @Test
    void listAfterLifecycleChangesSortsRunningFirst() {
        Run r = run("destroy test; start test; list --all --title");
        assertThat(r.out()).endsWith(" Id   Name   State     Title\n------------------------------\n"
                + " 2    test   running   \n\n");
        assertThat(run("destroy test; list --all; list --id").out()).isEqualTo("Domain 'test' destroyed\n\n"
                + " Id   Name   State\n-----------------------\n -    test   shut off\n\n\n");
    }

    @Test
    void listRefusesTableWithNamesOrIds() {
        Run r = run("list --table --name");
        assertThat(r.err()).isEqualTo("error: Options --table and --name are mutually exclusive\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void dominfoByNameIdAndUuid() {
        for (String name : new String[] {"test", "1", UUID}) {
            Run r = run("dominfo " + name);
            assertThat(r.out()).matches("Id:             1\nName:           test\nUUID:           " + UUID + "\n"
                    + "OS Type:        linux\nState:          running\nCPU\\(s\\):         2\n"
                    + "CPU time:       [0-9]+\\.[0-9]s\nMax memory:     8388608 KiB\nUsed memory:    2097152 KiB\n"
                    + "Persistent:     yes\nAutostart:      disable\nManaged save:   no\n"
                    + "Security model: testSecurity\nSecurity DOI:   \nSecurity label: libvirt-test \\(enforcing\\)\n\n");
            assertThat(r.status()).isZero();
        }
    }

    @Test
    void unknownDomain() {
        Run r = run("dominfo nope");
        assertThat(r.err()).isEqualTo("error: failed to get domain 'nope'\n");
        assertThat(r.out()).isEqualTo("\n");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void domstateWithReasons() {
        assertThat(run("domstate --reason test").out()).isEqualTo("running (unknown)\n\n");
        assertThat(run("suspend test; domstate test; domstate --reason test").out())
                .endsWith("paused\n\npaused (user)\n\n");
        assertThat(run("destroy test; domstate --reason test").out()).endsWith("shut off (destroyed)\n\n");
    }

    @Test
    void startingARunningDomain() {
        Run r = run("start test");
        assertThat(r.err()).isEqualTo("error: Domain is already active\n");
        assertThat(r.status()).isEqualTo(1);
        // an id does not name an inactive domain
        assertThat(run("destroy test; start 1").err()).isEqualTo("error: failed to get domain '1'\n");
    }

    @Test
    void lifecycleMessagesNameTheDomainAsGiven() {
        Run r = run("suspend 1; resume " + UUID + "; shutdown 1; start " + UUID + "; reboot test; destroy test");
        assertThat(r.out()).isEqualTo("Domain '1' suspended\n\nDomain '" + UUID + "' resumed\n\n"
                + "Domain '1' is being shutdown\n\nDomain 'test' started\n\nDomain 'test' is being rebooted\n\n"
                + "Domain 'test' destroyed\n\n");
        assertThat(r.err()).isEmpty();
        assertThat(quiet("suspend test; resume test").out()).isEmpty();
    }

    @Test
    void suspendTwiceAndResumeRunning() {
        Run resume = run("resume test");
        assertThat(resume.err()).isEqualTo("error: Failed to resume domain 'test'\n"
                + "error: internal error: domain 'test' not paused\n");
        Run twice = run("suspend test; suspend test");
        assertThat(twice.err()).isEqualTo("error: Failed to suspend domain 'test'\n"
                + "error: internal error: domain 'test' not running\n");
        assertThat(twice.status()).isEqualTo(1);
    }

    @Test
    void destroyTwice() {
        assertThat(run("destroy test; destroy test").err()).isEqualTo("error: Failed to destroy domain 'test'\n"
                + "error: Requested operation is not valid: domain is not running\n");
    }

    @Test
    void shutdownAndRebootModes() {
        assertThat(run("shutdown test --mode bogus").err()).isEqualTo("error: Unknown mode bogus value, expecting "
                + "'acpi', 'agent', 'initctl', 'signal', or 'paravirt'\n");
        assertThat(run("reboot test --mode bogus").err()).isEqualTo("error: Unknown mode bogus value, expecting "
                + "'acpi', 'agent', 'initctl', 'signal' or 'paravirt'\n");
        assertThat(run("shutdown test --mode ''").err())
                .isEqualTo("error: Failed to get option 'mode': Option argument is empty\n");
    }

    @Test
    void defineStartUndefine() throws Exception {
        Path good = dir.resolve("good.xml");
        Files.writeString(good, "<domain type='test'><name>foo</name>"
                + "<uuid>7986f844-1a36-4076-b14b-e5b9fb360043</uuid><memory>1024</memory>"
                + "<os><type>hvm</type></os></domain>");
        Run r = run("define " + good + "; list --all; start foo; undefine foo; domstate foo; destroy foo; "
                + "list --all");
        assertThat(r.out()).isEqualTo("Domain 'foo' defined from " + good + "\n\n"
                + " Id   Name   State\n-----------------------\n 1    test   running\n -    foo    shut off\n\n"
                + "Domain 'foo' started\n\nDomain 'foo' has been undefined\n\nrunning\n\nDomain 'foo' destroyed\n\n"
                + " Id   Name   State\n----------------------\n 1    test   running\n\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void defineFromFilesThatAreNotThere() throws Exception {
        Path missing = dir.resolve("missing.xml");
        assertThat(run("define " + missing).err())
                .isEqualTo("error: Failed to open file '" + missing + "': No such file or directory\n");
        assertThat(run("define " + dir).err()).isEqualTo("error: Failed to read file '" + dir + "': Is a directory\n");
        assertThat(run("define ''").err()).isEqualTo("error: Failed to get option 'file': Option argument is empty\n");
    }

    @Test
    void defineMalformedXml() throws Exception {
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<domain type=\"test\"><name>x</name\n");
        Run r = run("define " + bad);
        assertThat(r.err()).startsWith("error: Failed to define domain from " + bad + "\nerror: ");
        assertThat(r.status()).isEqualTo(1);
    }

    @Test
    void dumpxmlIsTheDriversXml() {
        Run r = run("dumpxml test");
        assertThat(r.out()).startsWith("<domain type='test' id='1'>\n  <name>test</name>\n").endsWith("</domain>\n\n");
        assertThat(run("dumpxml --inactive test").out()).startsWith("<domain type='test'>\n");
        assertThat(run("dumpxml test --xpath '/domain/name'").out()).isEqualTo("<name>test</name>\n\n");
    }

    @Test
    void hostCommands() {
        assertThat(run("uri; hostname").out()).isEqualTo("test:///default\n\nvm\n\n");
        assertThat(run("nodeinfo").out()).isEqualTo("CPU model:           i686\nCPU(s):              16\n"
                + "CPU frequency:       1400 MHz\nCPU socket(s):       2\nCore(s) per socket:  2\n"
                + "Thread(s) per core:  2\nNUMA cell(s):        2\nMemory size:         3145728 KiB\n\n");
        assertThat(run("version --daemon").out()).isEqualTo("Compiled against library: libvirt 9.0.0\n"
                + "Using library: libvirt 9.0.0\nUsing API: TEST 9.0.0\nRunning hypervisor: TEST 0.0.2\n"
                + "Running against daemon: 9.0.0\n\n");
    }

    @Test
    void readOnlyConnectionsRefuseChanges() {
        Run r = run("connect test:///default --readonly; destroy test; dominfo test");
        assertThat(r.err()).isEqualTo("error: Failed to destroy domain 'test'\n"
                + "error: operation forbidden: read only access prevents virDomainDestroy\n");
        assertThat(r.out()).contains("State:          running\n");
    }

    @Test
    void helpForACommand() {
        assertThat(run("help dominfo").out()).isEqualTo("""
                  NAME
                    dominfo - domain information

                  SYNOPSIS
                    dominfo <domain>

                  DESCRIPTION
                    Returns basic information about the domain.

                  OPTIONS
                    [--domain] <string>  domain name, id or uuid


                """);
        assertThat(run("dominfo --help").out()).isEqualTo(run("help dominfo").out());
        assertThat(run("help nope").err()).isEqualTo("error: command or command group 'nope' doesn't exist\n");
        // virsh 9.0's own "help monitor": jvirt has every command of the group
        assertThat(run("help monitor").out()).isEqualTo("""
                 Domain Monitoring (help keyword 'monitor'):
                    domblkerror                    Show errors on block devices
                    domblkinfo                     domain block device size information
                    domblklist                     list all domain blocks
                    domblkstat                     get device block stats for a domain
                    domcontrol                     domain control interface state
                    domif-getlink                  get link state of a virtual interface
                    domifaddr                      Get network interfaces' addresses for a running domain
                    domiflist                      list all domain virtual interfaces
                    domifstat                      get network interface stats for a domain
                    dominfo                        domain information
                    dommemstat                     get memory statistics for a domain
                    domstate                       domain state
                    domstats                       get statistics about one or multiple domains
                    domtime                        domain time
                    list                           list domains
                
                """);
    }

    @Test
    void driversListsTheTestDriver() {
        Run r = run("drivers");
        assertThat(r.out()).startsWith(" Name   Bundle").contains(" test ").contains("ACTIVE");
        assertThat(r.status()).isZero();
    }
}
