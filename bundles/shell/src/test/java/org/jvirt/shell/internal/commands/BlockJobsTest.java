package org.jvirt.shell.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.ConnectFlag;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainBlockJobType;
import org.jvirt.api.DriverInfo;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.shell.internal.ShellHarness;
import org.junit.jupiter.api.Test;

/**
 * Block jobs waited for as virsh waits (virshBlockJobWait's polling, for a driver without block job events): the
 * progress lines on stderr (plain lines, not on a terminal), the end of the job, --pivot, and --timeout aborting.
 * The hypervisor is a scripted one: each query of the job moves it as the test says.
 */
class BlockJobsTest {
    /** A domain "vm" whose job on vda reports the given (cur, end) pairs, then vanishes (or stays at the last). */
    private static final class ScriptedJob {
        final List<long[]> steps;
        final boolean vanishes;
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        int at;

        ScriptedJob(boolean vanishes, long[]... steps) {
            this.steps = List.of(steps);
            this.vanishes = vanishes;
        }

        synchronized Optional<DomainBlockJobInfo> next() {
            if (at >= steps.size()) {
                if (vanishes) {
                    return Optional.empty();
                }
                long[] last = steps.get(steps.size() - 1);
                return Optional.of(new DomainBlockJobInfo(DomainBlockJobType.PULL, 0, last[0], last[1]));
            }
            long[] s = steps.get(at++);
            return Optional.of(new DomainBlockJobInfo(DomainBlockJobType.PULL, 0, s[0], s[1]));
        }
    }

    private static ConnectFactory factory(ScriptedJob job) {
        Domain dom = proxy(Domain.class, (p, m, a) -> switch (m.getName()) {
            case "getName" -> "vm";
            case "getBlockJobInfo" -> job.next();
            case "blockPull", "blockRebase", "blockCommit", "blockJobAbort" -> {
                job.calls.add(m.getName() + (a.length > 0 ? " " + a[a.length - 1] : ""));
                yield null;
            }
            default -> InvocationHandler.invokeDefault(p, m, a);
        });
        Connect conn = proxy(Connect.class, (p, m, a) -> switch (m.getName()) {
            case "domainLookupByName" -> {
                if (!"vm".equals(a[0])) {
                    throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.TEST, "no domain");
                }
                yield dom;
            }
            case "domainLookupByID", "domainLookupByUUID" -> throw new VirtException(ErrorCode.NO_DOMAIN,
                    ErrorDomain.TEST, "no domain");
            case "getURI" -> "scripted:///";
            case "close" -> null;
            default -> InvocationHandler.invokeDefault(p, m, a);
        });
        return new ConnectFactory() {
            @Override
            public Connect open(String uri, Set<ConnectFlag> flags, ConnectAuth auth) {
                return conn;
            }

            @Override
            public String defaultUri() {
                return "scripted:///";
            }

            @Override
            public List<DriverInfo> drivers() {
                return List.of();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> type.getSimpleName();
                };
            }
            return h.invoke(p, m, a == null ? new Object[0] : a);
        });
    }

    private static ShellHarness.Run run(ScriptedJob job, String line) {
        return new ShellHarness(factory(job)).run("scripted:///", false, "", line);
    }

    @Test
    void aPullWaitedForShowsItsProgressAndCompletes() {
        ScriptedJob job = new ScriptedJob(true, new long[] {0, 100}, new long[] {50, 100});
        ShellHarness.Run r = run(job, "blockpull vm vda --wait --verbose");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("\nPull complete\n");
        assertThat(r.err()).isEqualTo("Block Pull: [  0 %]\nBlock Pull: [ 50 %]\nBlock Pull: [100 %]\n");
        assertThat(job.calls).containsExactly("blockPull []");
    }

    @Test
    void aPullNotWaitedForOnlyStarts() {
        ScriptedJob job = new ScriptedJob(true, new long[] {0, 100});
        ShellHarness.Run r = run(job, "blockpull vm vda");
        assertThat(r.out()).isEqualTo("Block Pull started\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aCopyAtItsEndIsPivoted() {
        ScriptedJob job = new ScriptedJob(false, new long[] {100, 100});
        ShellHarness.Run r = run(job, "blockcopy vm vda --dest /tmp/copy.img --pivot --verbose");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("\nSuccessfully pivoted\n");
        assertThat(r.err()).isEqualTo("Block Copy: [100 %]\n");
        assertThat(job.calls).containsExactly("blockRebase [COPY]", "blockJobAbort [PIVOT]");
    }

    @Test
    void theTimeoutAbortsAJobThatDoesNotMove() {
        ScriptedJob job = new ScriptedJob(false, new long[] {10, 100});
        ShellHarness.Run r = run(job, "blockcommit vm vda --wait --timeout 1 --async");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("\nCommit aborted\n");
        assertThat(job.calls).containsExactly("blockCommit []", "blockJobAbort [ASYNC]");
    }

    @Test
    void jobInformationIsPrintedAsVirshPrintsIt() {
        ScriptedJob job = new ScriptedJob(false, new long[] {25, 100});
        ShellHarness.Run r = run(job, "blockjob vm vda --raw");
        assertThat(r.out()).isEqualTo(" type=Block Pull\n bandwidth=0\n cur=25\n end=100\n\n");
        ShellHarness.Run none = run(new ScriptedJob(true), "blockjob vm vda");
        assertThat(none.out()).isEqualTo("No current block job for vda\n");
    }
}
