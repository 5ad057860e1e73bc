package io.gridid.benchmarks;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The settings every benchmark over a whole {@link CaseData} case shares (JMH inherits these
 * annotations): average time in milliseconds, one fork with room for a 1000-bus year, two warm-up
 * and five measured iterations of two seconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class CaseBench {
}
