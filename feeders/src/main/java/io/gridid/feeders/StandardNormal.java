package io.gridid.feeders;

import java.util.SplittableRandom;

/**
 * Standard normal draws by the Box-Muller transform. Spelled out (rather than the JDK's
 * {@code nextGaussian}, whose algorithm is not fixed across versions) so that a seed gives
 * the same feeders and data on every JDK.
 */
final class StandardNormal {
    private StandardNormal() {
    }

    /** One N(0, 1) draw; consumes two uniforms. */
    static double sample(SplittableRandom rnd) {
        double u1 = 1.0 - rnd.nextDouble();   // in (0, 1]
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
