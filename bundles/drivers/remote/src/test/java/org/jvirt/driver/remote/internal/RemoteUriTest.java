package org.jvirt.driver.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.junit.jupiter.api.Test;

/** URIs read as libvirt's remote driver reads them (src/remote/remote_driver.c, doRemoteOpen). */
class RemoteUriTest {
    private static RemoteUri parse(String uri) {
        return RemoteUri.parse(URI.create(uri));
    }

    @Test
    void transportAndDefaults() {
        RemoteUri tcp = parse("qemu+tcp://host.example/system");
        assertThat(tcp.driver()).isEqualTo("qemu");
        assertThat(tcp.transport()).isEqualTo(RemoteUri.Transport.TCP);
        assertThat(tcp.portOrDefault()).isEqualTo(16509);
        assertThat(tcp.name()).isEqualTo("qemu:///system");

        // a server and no transport: TLS on 16514; no server: the local unix socket
        assertThat(parse("qemu://host/system").transport()).isEqualTo(RemoteUri.Transport.TLS);
        assertThat(parse("qemu://host/system").portOrDefault()).isEqualTo(16514);
        assertThat(parse("qemu:///system").transport()).isEqualTo(RemoteUri.Transport.UNIX);
        assertThat(parse("qemu+tls://h:1234/system").portOrDefault()).isEqualTo(1234);
        assertThat(parse("qemu+ssh://h/system").portOrDefault()).isEqualTo(-1);
        assertThat(parse("qemu+tcp:///system").hostOrLocal()).isEqualTo("localhost");
    }

    @Test
    void knownParametersAreTakenOutAndTheRestTravelInTheName() {
        RemoteUri u = parse("test+unix:///default?socket=/tmp/s&mode=direct&proxy=native&no_verify=1&no_tty=1"
                + "&keyfile=/k&pkipath=/p&known_hosts=/kh&extra=1&authfile=/a");
        assertThat(u.socket()).isEqualTo("/tmp/s");
        assertThat(u.mode()).isEqualTo(RemoteUri.Mode.DIRECT);
        assertThat(u.proxy()).isEqualTo(RemoteUri.Proxy.NATIVE);
        assertThat(u.noVerify()).isTrue();
        assertThat(u.noTty()).isTrue();
        assertThat(u.keyfile()).isEqualTo("/k");
        assertThat(u.pkipath()).isEqualTo("/p");
        assertThat(u.knownHosts()).isEqualTo("/kh");
        assertThat(u.name()).isEqualTo("test:///default?extra=1");
        assertThat(parse("qemu+ssh://u@h/system?name=qemu:///session").name()).isEqualTo("qemu:///session");
        assertThat(parse("qemu+ssh://u@h/system").user()).isEqualTo("u");
        // remote:// lets the server choose
        assertThat(parse("remote://h/").name()).isEmpty();
        assertThat(parse("remote+tcp://h/").name()).isEmpty();
    }

    @Test
    void socketPathsByMode() {
        // auto: the driver's own daemon when its socket exists (not on this machine), else libvirtd's
        assertThat(parse("nosuchdrv:///system").socketPath(false)).isEqualTo("/var/run/libvirt/libvirt-sock");
        assertThat(parse("nosuchdrv:///system").socketPath(true)).isEqualTo("/var/run/libvirt/libvirt-sock-ro");
        assertThat(parse("qemu:///system?mode=direct").socketPath(false))
                .isEqualTo("/var/run/libvirt/virtqemud-sock");
        assertThat(parse("qemu:///system?mode=legacy").socketPath(true))
                .isEqualTo("/var/run/libvirt/libvirt-sock-ro");
        assertThat(parse("qemu:///system?socket=/x").socketPath(true)).isEqualTo("/x");
        assertThatThrownBy(() -> parse("qemu+ssh://h/system?mode=direct").socketPath(false))
                .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Operation not supported: Cannot use direct socket mode for ssh transport"));
    }

    @Test
    void badValuesAreRefusedWithLibvirtsErrors() {
        assertThatThrownBy(() -> parse("qemu+pigeon://h/system")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG));
        assertThatThrownBy(() -> parse("qemu:///system?mode=sideways")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).contains("Unknown remote mode 'sideways'"));
        // libvirt's own spelling
        assertThatThrownBy(() -> parse("qemu:///system?proxy=carrier")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).contains("Unnkown proxy type 'carrier'"));
        assertThatThrownBy(() -> parse("qemu+unix://h/system")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).contains("using unix socket and remote server 'h' is not supported."));
        assertThatThrownBy(() -> parse("qemu+ssh://h/system?proxy=native&netcat=/bin/nc"))
                .isInstanceOfSatisfying(VirtException.class,
                        e -> assertThat(e.getMessage()).contains("netcat path not valid with native proxy mode"));
        assertThatThrownBy(() -> parse("qemu+tls://h/system?no_verify=yes")).isInstanceOfSatisfying(
                VirtException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG));
    }

    @Test
    void sshCommandLineAsLibvirtBuildsIt() {
        // a socket means netcat: virt-ssh-helper cannot take one
        RemoteUri u = parse("qemu+ssh://root@h:2022/system?keyfile=/id&socket=/s&no_tty=1&no_verify=1");
        assertThat(u.proxy()).isEqualTo(RemoteUri.Proxy.NETCAT);
        List<String> cmd = TransportOpener.sshCommand(u, false);
        assertThat(cmd.subList(0, cmd.size() - 1)).containsExactly("ssh", "-p", "2022", "-l", "root", "-i", "/id",
                "-T", "-e", "none", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "--", "h");
        assertThat(cmd.get(cmd.size() - 1)).startsWith("sh -c ").contains("nc").contains("-U").contains("/s")
                .doesNotContain("virt-ssh-helper");
        // no socket: virt-ssh-helper when the far side has it, else netcat on libvirtd's socket
        List<String> auto = TransportOpener.sshCommand(parse("qemu+ssh://h/system"), true);
        assertThat(auto.subList(0, auto.size() - 1)).containsExactly("ssh", "-T", "-e", "none", "--", "h");
        assertThat(auto.get(auto.size() - 1)).contains("virt-ssh-helper -r").contains("qemu:///system")
                .contains("/var/run/libvirt/libvirt-sock-ro");
        assertThat(TransportOpener.remoteBridge(parse("qemu+ssh://h/system?proxy=native"), false))
                .contains("virt-ssh-helper ").doesNotContain(" -U ");
    }

    @Test
    void aPlusInAParameterStaysAPlusAsLibvirtUnescapes() {
        RemoteUri u = RemoteUri.parse(URI.create("qemu+tls://h/system?tls_priority=NONE:+VERS-TLS1.3&x=a+b%20c"));
        assertThat(u.tlsPriority()).isEqualTo("NONE:+VERS-TLS1.3");
        // passed on to the server as read: the plus kept, the space escaped
        assertThat(u.name()).isEqualTo("qemu:///system?x=a%2Bb%20c");
    }
}
