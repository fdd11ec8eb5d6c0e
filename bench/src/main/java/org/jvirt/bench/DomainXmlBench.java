package org.jvirt.bench;

import java.util.EnumSet;
import java.util.concurrent.TimeUnit;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.DomainXml;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parse and format of domain XML (conf): a minimal domain and a large one with every common device kind. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class DomainXmlBench {
    private String small;
    private String large;

    @Setup
    public void setup() {
        small = SampleDomains.small("bench", "c7a5fdbd-cdaf-9455-926a-d65c16db1809");
        large = SampleDomains.large("bench-large", "c7a5fdbd-cdaf-9455-926a-d65c16db1810");
    }

    @Benchmark
    public String parseFormatSmall() {
        return DomainXml.format(DomainXml.parse(small, DomainParseOptions.generic()),
                EnumSet.of(DomainXMLFlag.INACTIVE));
    }

    @Benchmark
    public String parseFormatLarge() {
        return DomainXml.format(DomainXml.parse(large, DomainParseOptions.generic()),
                EnumSet.of(DomainXMLFlag.INACTIVE));
    }
}
