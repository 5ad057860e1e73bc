package io.gridid.benchmarks.topology;

import io.gridid.benchmarks.RunArguments;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SimulatedData;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Feeder;
import io.gridid.topology.Topology;
import io.gridid.topology.TopologyIdentifier;
import io.gridid.topology.TopologyMethod;
import io.gridid.topology.TopologyOptions;

import java.util.Arrays;
import java.util.Locale;

/**
 * Speed runner (a main, not a timed test): in-process wall time of {@link TopologyIdentifier#identify}
 * on one year of hourly data (8760 intervals), first run and median of the following runs.
 *
 * <p>Usage: {@code TopologySpeed [feeder=ieee69] [sigma=1e-4] [runs=5] [method=PHYSICS_SEARCH] [rounds=N]}
 */
public final class TopologySpeed {
    private TopologySpeed() {
    }

    public static void main(String[] args) throws Exception {
        RunArguments a = RunArguments.options(args, "feeder", "sigma", "runs", "method", "rounds");
        String name = a.text("feeder", "ieee69");
        double sigma = a.doubleValue("sigma", 1e-4);
        int runs = a.intValue("runs", 5);
        TopologyMethod method = TopologyMethod.valueOf(a.text("method", "PHYSICS_SEARCH"));
        Feeder f = TestFeeders.load(name);
        SimulatedData sim = MeterDataSynthesizer.synthesize(f, SynthesisOptions.defaults().withDays(365)
                .withIntervalMinutes(60).withNoiseVoltagePu(sigma).withNoisePowerRelative(0.005));
        int rounds = a.intValue("rounds", -1);
        TopologyOptions opts = TopologyOptions.defaults().withMethod(method);
        if (rounds >= 0) {
            opts = opts.withSearch(opts.search().withMaxRounds(rounds));
        }
        TopologyIdentifier id = new TopologyIdentifier(opts);
        double[] secs = new double[runs];
        double[] cpu = new double[runs];
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        int correct = 0;
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            Topology t = id.identify(sim.meters(), f.rootBus());
            secs[k] = (System.nanoTime() - t0) / 1e9;
            cpu[k] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            correct = t.tree().sharedEdges(f.tree());
        }
        double first = secs[0];
        double[] rest = runs > 1 ? Arrays.copyOfRange(secs, 1, runs) : secs;
        Arrays.sort(rest);
        double[] restCpu = runs > 1 ? Arrays.copyOfRange(cpu, 1, runs) : cpu;
        Arrays.sort(restCpu);
        System.out.printf(Locale.ROOT, "%s x %d intervals, sigma_v %.0e, %s: first %.3f s, median of next %d %.3f s,"
                + " %d / %d edges; thread CPU time: first %.3f s, median %.3f s%n", name, sim.meters().intervalCount(), sigma,
                method, first, rest.length, rest[rest.length / 2], correct, f.tree().size() - 1, cpu[0],
                restCpu[restCpu.length / 2]);
    }
}
