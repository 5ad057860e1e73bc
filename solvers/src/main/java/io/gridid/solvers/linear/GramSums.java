package io.gridid.solvers.linear;

/**
 * The sums of products of a branch fit's three regressors a, b, c (see
 * {@link io.gridid.model.BranchEquation}) and, optionally, its target y over rows added one at a
 * time: the six Gram sums aa, ab, ac, bb, bc, cc, the three cross products ay, by, cy and yy.
 * Each sum is taken in the order the rows are added, so any two callers adding the same rows
 * get the same bits. O(1) per row, no allocation per row; in stage 1's inner loop, instances
 * local to the loop measured as fast as hand-written local sums (docs/decisions/010). Not
 * thread-safe.
 */
public final class GramSums {
    private double aa;
    private double ab;
    private double ac;
    private double bb;
    private double bc;
    private double cc;
    private double ay;
    private double by;
    private double cy;
    private double yy;

    /** Adds one row's Gram products. */
    public void add(double a, double b, double c) {
        aa += a * a;
        ab += a * b;
        ac += a * c;
        bb += b * b;
        bc += b * c;
        cc += c * c;
    }

    /** Adds one row's Gram products, its cross products with y and y&sup2;. */
    public void add(double a, double b, double c, double y) {
        add(a, b, c);
        addCross(a, b, c, y);
    }

    /** Adds one row's cross products with y and y&sup2; only (the Gram sums kept elsewhere). */
    public void addCross(double a, double b, double c, double y) {
        ay += a * y;
        by += b * y;
        cy += c * y;
        yy += y * y;
    }

    /** Adds one row's Gram products with weight w, as (w&middot;a)&middot;a, (w&middot;a)&middot;b, ... (w = 1 gives {@link #add(double, double, double)}'s bits). */
    public void addWeighted(double w, double a, double b, double c) {
        double wa = w * a;
        double wb = w * b;
        double wc = w * c;
        aa += wa * a;
        ab += wa * b;
        ac += wa * c;
        bb += wb * b;
        bc += wb * c;
        cc += wc * c;
    }

    /** The Gram sums of the first {@code n} rows of a, b, c (not modified). O(n). */
    public static GramSums of(double[] a, double[] b, double[] c, int n) {
        GramSums s = new GramSums();
        for (int t = 0; t < n; t++) {
            s.add(a[t], b[t], c[t]);
        }
        return s;
    }

    /** Writes aa, ab, ac, bb, bc, cc into {@code g[0..5]}. */
    public void gramInto(double[] g) {
        g[0] = aa;
        g[1] = ab;
        g[2] = ac;
        g[3] = bb;
        g[4] = bc;
        g[5] = cc;
    }

    /** Writes ay, by, cy into {@code h[0..2]}. */
    public void crossInto(double[] h) {
        h[0] = ay;
        h[1] = by;
        h[2] = cy;
    }

    /** The symmetric 3&times;3 Gram matrix, each entry scaled by {@code factor} (a new array). */
    public double[][] matrix(double factor) {
        double sab = ab * factor;
        double sac = ac * factor;
        double sbc = bc * factor;
        return new double[][] {{aa * factor, sab, sac}, {sab, bb * factor, sbc}, {sac, sbc, cc * factor}};
    }

    /** The cross products (ay, by, cy), each scaled by {@code factor} (a new array). */
    public double[] cross(double factor) {
        return new double[] {ay * factor, by * factor, cy * factor};
    }

    public double aa() {
        return aa;
    }

    public double ab() {
        return ab;
    }

    public double ac() {
        return ac;
    }

    public double bb() {
        return bb;
    }

    public double bc() {
        return bc;
    }

    public double cc() {
        return cc;
    }

    public double ay() {
        return ay;
    }

    public double by() {
        return by;
    }

    public double cy() {
        return cy;
    }

    public double yy() {
        return yy;
    }
}
