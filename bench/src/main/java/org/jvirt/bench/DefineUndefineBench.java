package org.jvirt.bench;

import java.util.ServiceLoader;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.Domain;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Define + undefine of a small domain through the public API on the test driver, in process (core's factory found
 * by ServiceLoader, as a plain-Java user finds it): the same work as libvirt's bench_rpc.py case c.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class DefineUndefineBench {
    private Connect conn;
    private long n;

    @Setup(Level.Trial)
    public void open() {
        ConnectFactory f = ServiceLoader.load(ConnectFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no ConnectFactory on the class path"));
        conn = f.open("test:///default");
    }

    @TearDown(Level.Trial)
    public void close() {
        conn.close();
    }

    @Benchmark
    public Domain defineUndefine() {
        Domain d = conn.domainDefineXML(SampleDomains.small("bench-" + n++, UUID.randomUUID().toString()));
        d.undefine();
        return d;
    }
}
