package io.gridid.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;

/**
 * What one timed run cost: wall time, process CPU time, bytes allocated by all live threads
 * (HotSpot's per-thread counters; threads that end during the run are not counted) and the
 * peak heap (sum over heap pools of the peak usage since a reset, an upper bound).
 *
 * @param wallSeconds   elapsed, s
 * @param cpuSeconds    process CPU time (all threads, incl. GC and JIT), s
 * @param allocatedBytes bytes allocated, summed over live threads
 * @param peakHeapBytes  peak heap, bytes
 */
public record Measured(double wallSeconds, double cpuSeconds, long allocatedBytes, long peakHeapBytes) {

    /** A piece of work that may throw. */
    public interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} once after a GC and a peak reset; {@code sink[0]} receives its result. */
    public static <T> Measured of(Work<T> work, Object[] sink) throws Exception {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
        long a0 = allocated();
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        T result = work.run();
        long t1 = System.nanoTime();
        long c1 = processCpuNanos();
        long a1 = allocated();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        if (sink != null && sink.length > 0) {
            sink[0] = result;
        }
        return new Measured((t1 - t0) / 1e9, (c1 - c0) / 1e9, a1 - a0, peak);
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static long allocated() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (t instanceof com.sun.management.ThreadMXBean sun) {
            long[] ids = sun.getAllThreadIds();
            long sum = 0;
            for (long b : sun.getThreadAllocatedBytes(ids)) {
                if (b > 0) {
                    sum += b;
                }
            }
            return sum;
        }
        return 0;
    }
}
