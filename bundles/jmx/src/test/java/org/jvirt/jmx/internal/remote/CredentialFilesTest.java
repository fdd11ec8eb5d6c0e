package org.jvirt.jmx.internal.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jvirt.jmx.internal.remote.RemoteFixture.ALICE;
import static org.jvirt.jmx.internal.remote.RemoteFixture.ALICE_PASSWORD;
import static org.jvirt.jmx.internal.remote.RemoteFixture.BOB;
import static org.jvirt.jmx.internal.remote.RemoteFixture.BOB_PASSWORD;
import static org.jvirt.jmx.internal.remote.RemoteFixture.CAROL;
import static org.jvirt.jmx.internal.remote.RemoteFixture.CAROL_PASSWORD;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password file, the access file and the authenticator that puts them together. */
class CredentialFilesTest {
    @TempDir
    Path etc;
    private RemoteFixture fixture;
    private RoleAuthenticator authenticator;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new RemoteFixture(etc);
        authenticator = new RoleAuthenticator(new PasswordFile(etc.resolve("jmx.password")),
                new AccessFile(etc.resolve("jmx.access")));
    }

    @Test
    void aUserGetsItsNameAndItsRole() {
        Subject alice = authenticator.authenticate(new String[] {ALICE, ALICE_PASSWORD});
        Subject bob = authenticator.authenticate(new String[] {BOB, BOB_PASSWORD});

        assertThat(alice.getPrincipals()).contains(new JMXPrincipal(ALICE), new RolePrincipal(Role.READWRITE));
        assertThat(bob.getPrincipals()).contains(new JMXPrincipal(BOB), new RolePrincipal(Role.READONLY));
        assertThat(bob.isReadOnly()).as("nothing may add a role later").isTrue();
    }

    @Test
    void wrongPasswordsUnknownUsersAndUsersWithoutARoleAllReadTheSame() {
        for (Object credentials : new Object[] {new String[] {ALICE, BOB_PASSWORD}, new String[] {"mallory", "x"},
            new String[] {CAROL, CAROL_PASSWORD}, new String[] {ALICE, ""}}) {
            assertThatThrownBy(() -> authenticator.authenticate(credentials))
                    .isInstanceOf(SecurityException.class).hasMessage("Authentication failed");
        }
    }

    @Test
    void credentialsThatAreNoNameAndPasswordAreRefused() {
        for (Object credentials : new Object[] {null, "alice", new String[] {ALICE}, new String[] {ALICE, null},
            new Object[] {ALICE, ALICE_PASSWORD}}) {
            assertThatThrownBy(() -> authenticator.authenticate(credentials))
                    .isInstanceOf(SecurityException.class)
                    .hasMessage("Authentication failed: a user name and a password are required");
        }
    }

    @Test
    void aChangedFileAppliesToTheNextLogin() throws Exception {
        Files.writeString(etc.resolve("jmx.access"), ALICE + " readonly\n" + CAROL + " readonly\n");

        assertThat(authenticator.authenticate(new String[] {ALICE, ALICE_PASSWORD}).getPrincipals())
                .contains(new RolePrincipal(Role.READONLY)).doesNotContain(new RolePrincipal(Role.READWRITE));
        assertThat(authenticator.authenticate(new String[] {CAROL, CAROL_PASSWORD}).getPrincipals())
                .contains(new RolePrincipal(Role.READONLY));
        assertThatThrownBy(() -> authenticator.authenticate(new String[] {BOB, BOB_PASSWORD}))
                .isInstanceOf(SecurityException.class);
    }

    @Test
    void aPasswordFileOthersMayReadIsRefused() throws Exception {
        Path file = etc.resolve("jmx.password");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> new PasswordFile(file).check()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " must be readable only by its owner (chmod 600)");
        assertThatThrownBy(() -> authenticator.authenticate(new String[] {ALICE, ALICE_PASSWORD}))
                .isInstanceOf(SecurityException.class).hasMessage("Authentication failed");
    }

    @Test
    void malformedLinesAreRefusedWithTheirNumber() throws Exception {
        Path access = etc.resolve("jmx.access");
        Files.writeString(access, "# roles\nalice readwrite\nbob admin\n");
        assertThatThrownBy(() -> new AccessFile(access).check())
                .hasMessage(access + " line 3: expected a name and readonly or readwrite");

        Path passwords = etc.resolve("jmx.password");
        Files.writeString(passwords, "alice\n");
        assertThatThrownBy(() -> new PasswordFile(passwords).check())
                .hasMessage(passwords + " line 1: expected a user and a password");
    }

    @Test
    void theMostARolesNameGivesIsTheRole() throws Exception {
        Files.writeString(etc.resolve("jmx.access"), "alice readonly\nadmins readwrite\nalice readonly\n");
        AccessFile access = new AccessFile(etc.resolve("jmx.access"));

        assertThat(access.roleOf(Set.of(new JMXPrincipal("alice")))).isEqualTo(Role.READONLY);
        assertThat(access.roleOf(Set.of(new JMXPrincipal("alice"), new JMXPrincipal("admins"))))
                .isEqualTo(Role.READWRITE);
        assertThat(access.roleOf(Set.of(new JMXPrincipal("nobody")))).isNull();
    }
}
