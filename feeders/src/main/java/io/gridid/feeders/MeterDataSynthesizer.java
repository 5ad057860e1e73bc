package io.gridid.feeders;

import io.gridid.model.BusLoad;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;

import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Synthesises smart-meter data with known truth: one balanced AC power flow
 * ({@link PowerFlow#solve}) per interval, then meter errors.
 *
 * <p><b>Loads.</b> Every non-root bus carries a load. Its nominal P and Q come from the feeder;
 * a bus without one gets {@link SynthesisOptions#minLoadMw()} at power factor 0.95 (the
 * "modified" feeders of the method: every bus has a meter with load variation). Each bus draws a
 * customer class (residential 60 %, commercial 30 %, industrial 10 %, see {@link LoadShape}), a
 * time shift of its shape (&plusmn;1 h) and an amplitude (0.8&ndash;1.1 of nominal). On top, a
 * first-order autoregressive (AR(1)) random factor, independent per bus, of standard deviation
 * {@link SynthesisOptions#loadVariation()} (default 15 %) and 2 h correlation time, and a seasonal factor 1 + 0.1 cos(2&pi;(day &minus; 15)/365) (winter peak). So
 * P(t) = P_nom &middot; amplitude &middot; shape(hour + shift, weekend) &middot; season(day) &middot;
 * (1 + AR_P(t)), floored at 5 % of P_nom. The factor is multiplicative and Gaussian, so the floor
 * is what keeps loads positive at large variations: it binds when 1 + AR_P &lt; 0.05 / (amplitude
 * &middot; shape &middot; season). Measured on ieee69, a year hourly: never at 15 %, 0.2 % of the
 * readings at 30 %, 4 % at 50 % (a load that would have been negative is held at 5 % of nominal).
 * The upper tail is not capped: at 50 % a load reaches about 3.4 &times; its mean-path value, and
 * at 100 % ieee69's power flow collapses (seeds 1 and 2), so values above about 0.5 are not physical. Hours are read from the UTC timestamp as local time.
 *
 * <p><b>Power factor</b> varies per bus and over time, so P and Q are not collinear:
 * Q(t) = P(t) &middot; &kappa;_nom &middot; (1 + 0.25 sin(2&pi;(hour &minus; &phi;)/24)) &middot;
 * (1 + AR_Q(t)), &kappa;_nom = Q_nom/P_nom, &phi; uniform per bus, AR_Q 10 % with 3 h correlation.
 *
 * <p><b>PV.</b> round(pvFraction &middot; (N &minus; 1)) of the non-root buses (chosen by the seed) have PV of peak
 * 0.3&ndash;1.2 &times; its nominal P, unity power factor, producing
 * peak &middot; sin(&pi; (hour &minus; sunrise) / daylength)^1.2 &middot; cloud(t); day length
 * 12 &plusmn; 3 h over the year (northern hemisphere), cloud(t) in [0.1, 1] shared by the feeder
 * (AR(1), 1 h). The meter reports the net P (negative when PV exceeds the load).
 *
 * <p><b>Capacitor banks</b> of the feeder inject reactive power at their bus in the power flow
 * (constant admittance); the bus's meter reads the net Q, load less the bank's injection.
 *
 * <p><b>Root.</b> Its voltage moves within &plusmn;{@link SynthesisOptions#rootVoltageSwingPu()}:
 * V_0(t) = V_nom (1 + swing &middot; clamp(0.5 cos(2&pi;(hour &minus; 4)/24) + 0.5 AR_0(t), &minus;1, 1)).
 * Its P and Q readings are the feeder-head flow (loads + losses).
 *
 * <p><b>Meter errors</b> (only in {@link SimulatedData#meters()}, never in the truth): |V| +
 * &sigma;_V V_base N(0,1), then rounding to the quantisation step; P &middot; (1 + &sigma;_PQ N(0,1)),
 * Q likewise, independently; whole readings missing with probability
 * {@link SynthesisOptions#missingFraction()} (never at the root).
 *
 * <p>Random streams for the truth and for the meter errors are separate, so changing only the
 * noise options leaves the truth identical. Same feeder and options give identical data.
 */
public final class MeterDataSynthesizer {
    private static final double RESIDENTIAL_SHARE = 0.6;
    private static final double COMMERCIAL_SHARE = 0.3;
    private static final double LOAD_AR_HOURS = 2.0;
    private static final double PF_AR_SIGMA = 0.10;
    private static final double PF_AR_HOURS = 3.0;
    private static final double PF_DAILY_SWING = 0.25;
    private static final double CLOUD_AR_HOURS = 1.0;
    private static final double ROOT_AR_HOURS = 1.0;
    private static final double MIN_LOAD_PF = 0.95;
    private static final double LOAD_FLOOR = 0.05;
    private static final double SEASONAL_SWING = 0.1;

    private MeterDataSynthesizer() {
    }

    /**
     * @param feeder  the feeder (not modified)
     * @param options parameters
     * @return readings of every bus, root included, in {@link PowerFlow#buses()} order
     * @throws GrididException when an interval's power flow diverges (load too heavy)
     */
    public static SimulatedData synthesize(Feeder feeder, SynthesisOptions options) throws GrididException {
        return synthesize(feeder, options, java.util.Set.of());
    }

    /**
     * As {@link #synthesize(Feeder, SynthesisOptions)}, with the buses of {@code unloaded} drawing
     * nothing at all (no load, no minimum load, no PV): junctions. The random draws are those of
     * the plain call, so every other bus sees the same load process.
     */
    public static SimulatedData synthesize(Feeder feeder, SynthesisOptions options, java.util.Set<String> unloaded)
            throws GrididException {
        Objects.requireNonNull(feeder, "feeder");
        Objects.requireNonNull(unloaded, "unloaded");
        Objects.requireNonNull(options, "options");
        PowerFlow pf = new PowerFlow(feeder);
        List<String> buses = pf.buses();
        int n = buses.size();
        int tCount = options.intervalCount();
        long step = options.intervalMinutes() * 60L;
        long[] epoch = new long[tCount];
        for (int t = 0; t < tCount; t++) {
            epoch[t] = options.startEpochSecond() + t * step;
        }
        SplittableRandom master = new SplittableRandom(options.seed());
        SplittableRandom setup = master.split();
        SplittableRandom process = master.split();
        SplittableRandom meterErrors = master.split();

        // per-bus parameters (index 0 = root: unused)
        double[] pNom = new double[n];
        double[] kappa = new double[n];
        LoadShape[] shape = new LoadShape[n];
        double[] shift = new double[n];
        double[] amplitude = new double[n];
        double[] pfPhase = new double[n];
        double[] pvPeak = new double[n];
        for (int k = 1; k < n; k++) {
            BusLoad l = feeder.loadAt(buses.get(k));
            if (l.pMw() > 0) {
                pNom[k] = l.pMw();
                kappa[k] = l.qMvar() / l.pMw();
            } else {
                pNom[k] = options.minLoadMw();
                kappa[k] = Math.tan(Math.acos(MIN_LOAD_PF));
            }
            double c = setup.nextDouble();
            shape[k] = c < RESIDENTIAL_SHARE ? LoadShape.RESIDENTIAL
                    : c < RESIDENTIAL_SHARE + COMMERCIAL_SHARE ? LoadShape.COMMERCIAL : LoadShape.INDUSTRIAL;
            shift[k] = -1 + 2 * setup.nextDouble();
            amplitude[k] = 0.8 + 0.3 * setup.nextDouble();
            pfPhase[k] = 24 * setup.nextDouble();
            pvPeak[k] = (0.3 + 0.9 * setup.nextDouble()) * pNom[k];
            if (unloaded.contains(buses.get(k))) {
                pNom[k] = 0;
                pvPeak[k] = 0;
            }
        }
        // exactly round(pvFraction * (n - 1)) buses keep their PV: a seeded partial shuffle picks them
        int[] order = new int[n - 1];
        for (int k = 1; k < n; k++) {
            order[k - 1] = k;
        }
        int withPv = (int) Math.round(options.pvFraction() * (n - 1));
        for (int i = 0; i < withPv; i++) {
            int j = i + setup.nextInt(order.length - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        for (int i = withPv; i < order.length; i++) {
            pvPeak[order[i]] = 0;
        }

        double hoursPerStep = options.intervalMinutes() / 60.0;
        Ar1 loadAr = new Ar1(options.loadVariation(), hoursPerStep / LOAD_AR_HOURS);
        Ar1 pfAr = new Ar1(PF_AR_SIGMA, hoursPerStep / PF_AR_HOURS);
        Ar1 unitCloud = new Ar1(1.0, hoursPerStep / CLOUD_AR_HOURS);
        Ar1 unitRoot = new Ar1(1.0, hoursPerStep / ROOT_AR_HOURS);
        double[] arP = new double[n];
        double[] arQ = new double[n];
        for (int k = 1; k < n; k++) {
            arP[k] = loadAr.stationary(process);
            arQ[k] = pfAr.stationary(process);
        }
        double cloudState = unitCloud.stationary(process);
        double rootState = unitRoot.stationary(process);

        MeterData.Builder truth = MeterData.builder(buses, epoch);
        MeterData.Builder noisy = MeterData.builder(buses, epoch);
        double[] p = new double[n];
        double[] q = new double[n];
        double baseKv = feeder.baseKv();
        double vNomKv = feeder.rootVoltagePu() * baseKv;
        double swing = options.rootVoltageSwingPu();
        double sigmaVKv = options.noiseVoltagePu() * baseKv;
        double stepKv = options.quantizationStepPu() * baseKv;
        double sigmaPq = options.noisePowerRelative();
        double missing = options.missingFraction();
        for (int t = 0; t < tCount; t++) {
            // calendar day of the year (1 = 1 January, UTC), plus the fraction of the day
            double dayOfYear = java.time.LocalDate.ofEpochDay(Math.floorDiv(epoch[t], 86400L)).getDayOfYear()
                    + Math.floorMod(epoch[t], 86400L) / 86400.0;
            long dayNumber = Math.floorDiv(epoch[t], 86400L);
            double hour = Math.floorMod(epoch[t], 86400L) / 3600.0;
            // 1970-01-01 was a Thursday: day 0 -> Thursday; Saturday = 2, Sunday = 3 (mod 7)
            long dow = Math.floorMod(dayNumber, 7L);
            boolean weekend = dow == 2 || dow == 3;
            double season = 1 + SEASONAL_SWING * Math.cos(2 * Math.PI * (dayOfYear - 15) / 365.0);
            double dayLength = 12 + 3 * Math.cos(2 * Math.PI * (dayOfYear - 172) / 365.0);
            double sunrise = 12 - dayLength / 2;
            double sun = hour > sunrise && hour < sunrise + dayLength
                    ? Math.pow(Math.sin(Math.PI * (hour - sunrise) / dayLength), 1.2) : 0;
            double cloud = Math.max(0.1, Math.min(1.0, 0.75 + 0.25 * cloudState));
            for (int k = 1; k < n; k++) {
                double h = hour + shift[k];
                h = h - 24 * Math.floor(h / 24);
                double load = Math.max(LOAD_FLOOR, amplitude[k] * shape[k].factor(h, weekend) * season * (1 + arP[k]))
                        * pNom[k];
                double ratio = kappa[k] * (1 + PF_DAILY_SWING * Math.sin(2 * Math.PI * (hour - pfPhase[k]) / 24))
                        * (1 + arQ[k]);
                q[k] = load * ratio;
                p[k] = load - pvPeak[k] * sun * cloud;
                arP[k] = loadAr.next(arP[k], process);
                arQ[k] = pfAr.next(arQ[k], process);
            }
            double rootDev = Math.max(-1, Math.min(1, 0.5 * Math.cos(2 * Math.PI * (hour - 4) / 24) + 0.5 * rootState));
            double v0 = vNomKv * (1 + swing * rootDev);
            cloudState = unitCloud.next(cloudState, process);
            rootState = unitRoot.next(rootState, process);

            PowerFlow.Solution s;
            try {
                s = pf.solve(v0, p, q);
            } catch (PowerFlowDivergedException e) {
                throw new GrididException("interval " + java.time.Instant.ofEpochSecond(epoch[t]) + ": " + e.getMessage(), e);
            }
            for (int k = 0; k < n; k++) {
                double v = s.voltageKv(k);
                double pk = k == 0 ? s.headMw() : p[k];
                double qk = k == 0 ? s.headMvar() : s.drawMvar(k); // a bank's injection is part of its bus's reading
                truth.set(k, t, v, pk, qk);
                // meter errors: always draw the same numbers per reading so streams stay aligned
                double ev = StandardNormal.sample(meterErrors);
                double ep = StandardNormal.sample(meterErrors);
                double eq = StandardNormal.sample(meterErrors);
                double lost = meterErrors.nextDouble();
                if (k != 0 && lost < missing) {
                    continue; // builder starts NaN: the reading is missing
                }
                double vm = v + sigmaVKv * ev;
                if (stepKv > 0) {
                    vm = Math.rint(vm / stepKv) * stepKv;
                }
                noisy.set(k, t, vm, pk * (1 + sigmaPq * ep), qk * (1 + sigmaPq * eq));
            }
        }
        return new SimulatedData(feeder, noisy.build(), truth.build(), options);
    }

    /**
     * Stationary AR(1): x' = &rho; x + &sigma; &radic;(1 &minus; &rho;&sup2;) N(0,1), &rho; = exp(&minus;&Delta;t/&tau;),
     * so the stationary standard deviation is &sigma; whatever the interval.
     */
    private record Ar1(double sigma, double rho, double innovation) {
        Ar1(double sigma, double stepsOverTau) {
            this(sigma, Math.exp(-stepsOverTau), sigma * Math.sqrt(1 - Math.exp(-2 * stepsOverTau)));
        }

        double stationary(SplittableRandom rnd) {
            return sigma * StandardNormal.sample(rnd);
        }

        double next(double x, SplittableRandom rnd) {
            return rho * x + innovation * StandardNormal.sample(rnd);
        }
    }
}
