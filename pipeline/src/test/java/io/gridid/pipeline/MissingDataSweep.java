package io.gridid.pipeline;

import io.gridid.model.Branch;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;

import java.util.Arrays;
import java.util.Locale;

/**
 * How far random gaps go before identification breaks (a measurement, not a test): ieee69,
 * noise-free, the data of {@link MissingDataRecoveryTest} ({@value MissingDataRecoveryTest#DAYS}
 * days hourly unless a third argument says otherwise), whole rows missing at random at each
 * fraction, for each seed of the gap draw. Prints, per fraction and seed, the misplaced buses, the
 * worst relative r and x error, and the fewest / median intervals a branch fit used, or the error
 * that stopped the run.
 * Run it through {@link MissingDataSweepRun} (the command is there), or from an IDE with the
 * reports test classpath; arguments: fractions, seeds (comma-separated), days.
 */
public final class MissingDataSweep {
    private MissingDataSweep() {
    }

    public static void main(String[] args) throws Exception {
        double[] fractions = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToDouble(Double::parseDouble).toArray()
                : new double[] {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.10, 0.20};
        long[] seeds = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToLong(Long::parseLong).toArray()
                : new long[] {1};
        MissingDataRecoveryTest.simulate(args.length > 2 ? Integer.parseInt(args[2]) : MissingDataRecoveryTest.DAYS);
        MeterData full = MissingDataRecoveryTest.full;
        System.out.printf(Locale.ROOT, "ieee69 noise-free, %d intervals, %d meters%n", full.intervalCount(),
                full.meterCount());
        System.out.println("| missing | seed | stage-1 intervals | misplaced buses | worst r err | worst x err | fit intervals min / median | seconds |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (double f : fractions) {
          for (long seed : seeds) {
            MeterData data = MissingDataRecoveryTest.randomGaps(f, seed);
            long t0 = System.nanoTime();
            IdentificationResult r;
            try {
                r = MissingDataRecoveryTest.identify(data);
            } catch (Exception e) {
                System.out.printf(Locale.ROOT, "| %.1f %% | %d | stopped: %s | | | | | %.1f |%n", 100 * f, seed, e.getMessage(),
                        (System.nanoTime() - t0) / 1e9);
                continue;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            RadialTree truth = MissingDataRecoveryTest.feeder.tree();
            int misplaced = 0;
            for (String bus : truth.topDown()) {
                if (!bus.equals(truth.root()) && !truth.parentOf(bus).equals(r.tree().parentOf(bus))) {
                    misplaced++;
                }
            }
            double worstR = 0;
            double worstX = 0;
            int[] used = new int[r.branches().size()];
            int k = 0;
            for (IdentifiedBranch row : r.branches()) {
                Branch b = MissingDataRecoveryTest.feeder.branchTo(row.toBus());
                double z = Math.hypot(b.rOhm(), b.xOhm());
                if (misplaced == 0) {
                    worstR = Math.max(worstR, Math.abs(row.rOhm() - b.rOhm()) / (b.rOhm() > 0 ? b.rOhm() : z));
                    worstX = Math.max(worstX, Math.abs(row.xOhm() - b.xOhm()) / (b.xOhm() > 0 ? b.xOhm() : z));
                }
                used[k++] = row.intervalsUsed();
            }
            Arrays.sort(used);
            System.out.printf(Locale.ROOT, "| %.1f %% | %d | %d | %d | %s | %s | %d / %d | %.1f |%n", 100 * f, seed,
                    r.diagnostics().intervalsUsed(), misplaced, misplaced == 0 ? pct(worstR) : "n/a",
                    misplaced == 0 ? pct(worstX) : "n/a", used[0], used[used.length / 2], secs);
          }
        }
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.3g %%", 100 * v);
    }
}
