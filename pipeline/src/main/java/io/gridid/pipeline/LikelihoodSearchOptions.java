package io.gridid.pipeline;

/**
 * Settings of {@link LikelihoodTreeSearch}.
 *
 * @param minGain   deviance fall a move must bring to be kept (a likelihood ratio of e^(minGain/2));
 *                  the default {@link #DEFAULT_MIN_GAIN} keeps only moves the data decide
 * @param radius    tree steps around a bus within which its new parents (and the branches it may be
 *                  inserted into) are looked for
 * @param maxRounds rounds of candidate evaluation (a round evaluates every bus's moves, then keeps
 *                  the improving ones that do not touch each other)
 * @param parallel  evaluate the candidate trees on the common fork-join pool (same result)
 */
public record LikelihoodSearchOptions(double minGain, int radius, int maxRounds, boolean parallel) {
    /**
     * Deviance fall a move needs by default (a likelihood ratio of e^6 = 400). On ieee69 (365 days
     * hourly, 1e-4 p.u., seeds 1-3) the true tree has one-move alternatives up to 11.9 better than
     * itself: smaller gains chase noise. Correct edges there (of 68, seeds 1 / 2 / 3; stage 1 56 / 58
     * / 56), measured with the search's first swap moves (all or none of the children following):
     * threshold 4 56 / 61 / 57 (moving 14 / 8 / 6 buses), threshold 12 58 / 62 / 58.
     */
    public static final double DEFAULT_MIN_GAIN = 12;

    public LikelihoodSearchOptions {
        if (!(minGain >= 0)) {
            throw new IllegalArgumentException("minGain must be >= 0");
        }
        if (radius < 1) {
            throw new IllegalArgumentException("radius must be >= 1");
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1");
        }
    }

    /** Gain {@link #DEFAULT_MIN_GAIN}, radius 2, at most 4 rounds, parallel. */
    public static LikelihoodSearchOptions defaults() {
        return new LikelihoodSearchOptions(DEFAULT_MIN_GAIN, 2, 4, true);
    }

    public LikelihoodSearchOptions withMinGain(double value) {
        return new LikelihoodSearchOptions(value, radius, maxRounds, parallel);
    }

    public LikelihoodSearchOptions withRadius(int value) {
        return new LikelihoodSearchOptions(minGain, value, maxRounds, parallel);
    }

    public LikelihoodSearchOptions withMaxRounds(int value) {
        return new LikelihoodSearchOptions(minGain, radius, value, parallel);
    }

    public LikelihoodSearchOptions withParallel(boolean value) {
        return new LikelihoodSearchOptions(minGain, radius, maxRounds, value);
    }
}
