package io.gridid.impedance;

import io.gridid.feeders.ConductorLibrary;
import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.model.Branch;
import io.gridid.model.Feeder;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import io.gridid.solvers.fit.BranchFit;
import io.gridid.solvers.fit.FitNorm;
import io.gridid.solvers.fit.LengthFit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library's type choice under voltage noise (the joint path): a branch whose own data leave
 * its type open takes its neighbours' and the feeder's types ({@link TypeTreePrior}), and the
 * reported standard errors include what stays open ({@link TypeAmbiguity}).
 */
class ConductorTypesUnderNoiseTest {
    /** random:80 lines (all of its 79 branches are library lines). */
    private static final int LINES = 79;
    /**
     * At least half of the lines must get their true conductor. Choosing by each branch's smallest
     * &chi;&sup2; alone (before the tree prior) gave 29 of 79 on these data, since at 1e-4 p.u. the error
     * ellipse of (r, x) is long (r, x correlated at about &minus;0.98) and admits several types; with the
     * prior 50 (and 54&ndash;55 on random:80:2, :3, :4). Half is a choice clearly better than a coin
     * between the two types the ellipse admits best, and leaves a margin of 10 branches.
     */
    private static final int MIN_TRUE_TYPES = (LINES + 1) / 2;
    /**
     * Issue #5's accuracy target: median relative error of x at most 5 % at 1e-4 p.u. (stated there
     * for 365 days; these 90 days are harder). Before: 17.4 %; with the prior 1.6 %.
     */
    private static final double MAX_X_MEDIAN = 0.05;
    /**
     * Share of r and x within two reported standard errors of the truth: 95.4 % for honest Gaussian
     * errors. For 158 independent estimates at that rate, fewer than 90 % covered has probability
     * 0.1 % and more than 99 % (157 or 158) 0.5 % (binomial), so outside [0.90, 0.99] the standard
     * errors are too small or too large. Measured: 98 % (before the type ambiguity was added: 69 %).
     */
    private static final double MIN_TWO_SE_COVERAGE = 0.90;
    private static final double MAX_TWO_SE_COVERAGE = 0.99;

    @Test
    void noisyRandomFeederGetsMostTypesRightWithHonestErrors() throws Exception {
        Feeder feeder = TestFeeders.load("random:80");
        MeterData data = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(90)
                .withIntervalMinutes(60).withSeed(1).withNoiseVoltagePu(1e-4).withNoisePowerRelative(0.005)).meters();
        ImpedanceResult result = new ImpedanceEstimator(ImpedanceOptions.defaults().withNorm(FitNorm.LS)
                .withConductors(ConductorLibrary.builtIn().types()).withJointRefinement(true))
                .estimate(data, feeder.tree());
        int right = 0;
        int lines = 0;
        int covered = 0;
        List<Double> xErr = new ArrayList<>();
        for (BranchEstimate e : result.branches()) {
            Branch t = feeder.branchTo(e.toBus());
            if (t.conductor() != null) {
                lines++;
                right += t.conductor().equals(e.conductor()) ? 1 : 0;
            }
            covered += Math.abs(e.rOhm() - t.rOhm()) <= 2 * e.rStdErr() ? 1 : 0;
            covered += Math.abs(e.xOhm() - t.xOhm()) <= 2 * e.xStdErr() ? 1 : 0;
            xErr.add(Math.abs(e.xOhm() - t.xOhm()) / t.xOhm());
        }
        assertEquals(LINES, lines);
        assertTrue(right >= MIN_TRUE_TYPES, right + " of " + lines + " true types");
        double median = xErr.stream().mapToDouble(Double::doubleValue).sorted().toArray()[xErr.size() / 2];
        assertTrue(median <= MAX_X_MEDIAN, "x median " + median);
        double coverage = covered / (2.0 * result.branches().size());
        assertTrue(coverage >= MIN_TWO_SE_COVERAGE && coverage <= MAX_TWO_SE_COVERAGE, "2-SE coverage " + coverage);
    }

    /**
     * Hand-built costs on a chain S-1-2-3-4-5 and a lateral S-6-7 (three types): 1, 2, 4, 5 are
     * clearly type 0, branch 3's own data slightly prefer type 1 (&chi;&sup2; 0 against 1.0 for type 0
     * and 0.5 for type 2), and 6, 7 are clearly type 2. Branch 3 sits in a run of type 0, so its most
     * probable type is 0; the clear branches keep theirs (a &chi;&sup2; gap of 30 outweighs any prior).
     */
    @Test
    void anAmbiguousBranchTakesTheTypeOfItsRun() {
        RadialTree tree = new RadialTree("S", Map.of("1", "S", "2", "1", "3", "2", "4", "3", "5", "4",
                "6", "S", "7", "6"));
        double[] clear0 = {0, 30, 30};
        double[] clear2 = {30, 30, 0};
        Map<String, SweptBranch> judged = new HashMap<>();
        for (String bus : List.of("1", "2", "4", "5")) {
            judged.put(bus, branch(tree, bus, clear0));
        }
        judged.put("3", branch(tree, "3", new double[]{1.0, 0, 0.5}));
        judged.put("6", branch(tree, "6", clear2));
        judged.put("7", branch(tree, "7", clear2));
        assertEquals(1, judged.get("3").typeFits().get(0).typeIndex(), "before the prior: smallest chi2");

        Map<String, SweptBranch> out = TypeTreePrior.apply(judged, tree, 3);

        assertEquals(0, out.get("3").typeFits().get(0).typeIndex(), "branch 3 joins its run");
        for (String bus : List.of("1", "2", "4", "5")) {
            assertEquals(0, out.get(bus).typeFits().get(0).typeIndex(), bus);
        }
        for (String bus : List.of("6", "7")) {
            assertEquals(2, out.get(bus).typeFits().get(0).typeIndex(), bus);
        }
        for (SweptBranch b : out.values()) {
            assertEquals(0, b.typeFits().get(0).cost(), 0, "costs start at 0 (most probable type)");
        }
    }

    /**
     * {@link LibraryMismatch} on simulated estimates with a known mismatch: 200 branches, each a
     * random length of a random library type, whose free (r, x) is the type's point plus Gaussian
     * noise of {@value #SE_SHARE} (the estimate's own reported error) and {@value #TRUE_TAU} (the
     * conductor's distance from the library type) of r and x; the reported covariance holds only the
     * former. Estimated &tau; within {@value #TAU_TOLERANCE} of the truth: a median of 200 &chi;&sup2;&#8321;
     * values has a relative standard error of about 16 %, which is about 8 % on &tau; here; the
     * tolerance is three of those. With no mismatch the estimate stays below {@value #ZERO_TAU_MAX}
     * (the same median noise on the 1 % errors alone).
     */
    @Test
    void libraryMismatchIsRecoveredFromSimulatedEstimates() {
        List<io.gridid.model.ConductorType> lib = ConductorLibrary.builtIn().types();
        assertEquals(TRUE_TAU, mismatchOf(lib, TRUE_TAU, 7), TAU_TOLERANCE * TRUE_TAU);
        assertTrue(mismatchOf(lib, 0, 8) <= ZERO_TAU_MAX);
    }

    private static final double SE_SHARE = 0.01;
    private static final double TRUE_TAU = 0.05;
    private static final double TAU_TOLERANCE = 0.25;
    private static final double ZERO_TAU_MAX = 0.005;

    private static double mismatchOf(List<io.gridid.model.ConductorType> lib, double tau, long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        Map<String, JointRefinement.Branch> free = new HashMap<>();
        Map<String, ConductorAssignment.Choice> choices = new HashMap<>();
        double spread = Math.sqrt(SE_SHARE * SE_SHARE + tau * tau);
        for (int i = 0; i < 200; i++) {
            int k = rnd.nextInt(lib.size());
            io.gridid.model.ConductorType c = lib.get(k);
            double len = 0.1 + rnd.nextDouble();
            double r = len * c.rOhmPerKm() * (1 + spread * gaussian(rnd));
            double x = len * c.xOhmPerKm() * (1 + spread * gaussian(rnd));
            double sr = SE_SHARE * len * c.rOhmPerKm();
            double sx = SE_SHARE * len * c.xOhmPerKm();
            // the Mahalanobis length along the type (diagonal covariance), as JointTypeFits forms it
            double cc = c.rOhmPerKm() * c.rOhmPerKm() / (sr * sr) + c.xOhmPerKm() * c.xOhmPerKm() / (sx * sx);
            double ct = c.rOhmPerKm() * r / (sr * sr) + c.xOhmPerKm() * x / (sx * sx);
            free.put("b" + i, new JointRefinement.Branch(r, x, sr, sx, 0, Double.NaN, Double.NaN, 1, 100));
            choices.put("b" + i, new ConductorAssignment.Choice(new TypeFit(k,
                    new LengthFit(ct / cc, 1, 1, 1 / Math.sqrt(cc), 100), true, 0), ""));
        }
        return LibraryMismatch.relative(free, choices, lib, 0.2);
    }

    private static double gaussian(java.util.SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** A branch whose type fits have the given &chi;&sup2; costs (all fitting), sorted as the sweep would. */
    private static SweptBranch branch(RadialTree tree, String bus, double[] chi2) {
        BranchFit fit = new BranchFit(1, 1, 2, 0, false, 1, 1, 0.1, 0.1, 0, 100);
        List<TypeFit> fits = new ArrayList<>();
        for (int k = 0; k < chi2.length; k++) {
            fits.add(new TypeFit(k, new LengthFit(1, 100 + chi2[k], 1, 0.1, 100), true, chi2[k]));
        }
        fits.sort(java.util.Comparator.comparingDouble(TypeFit::cost));
        return new SweptBranch(tree.parentOf(bus), bus, fit, fits, 1, 100, 0);
    }
}
