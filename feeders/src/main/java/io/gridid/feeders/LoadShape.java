package io.gridid.feeders;

/**
 * Typical normalised daily load shapes of three customer classes, peak about 1.0, by local
 * hour of day and day of week. Smooth (sums of Gaussian bumps and logistic plateaus) so that
 * a per-bus time shift gives a realistic variety.
 */
enum LoadShape {
    /** Morning bump near 07:30, evening peak near 19:30, night trough about 0.35; weekends a little higher by day. */
    RESIDENTIAL {
        @Override
        double factor(double hour, boolean weekend) {
            double day = 0.35 + 0.25 * bump(hour, weekend ? 9.5 : 7.5, 1.5) + 0.65 * bump(hour, 19.5, 2.5);
            return weekend ? Math.min(1.0, day + 0.08 * plateau(hour, 9, 17)) : day;
        }
    },
    /** Office hours 08:00-18:00 at 1.0, nights 0.25; weekends at 40 %. */
    COMMERCIAL {
        @Override
        double factor(double hour, boolean weekend) {
            double day = 0.25 + 0.75 * plateau(hour, 8, 18);
            return weekend ? 0.4 * day + 0.05 : day;
        }
    },
    /** Two shifts 06:00-22:00 at 1.0, nights 0.6; weekends at 60 %. */
    INDUSTRIAL {
        @Override
        double factor(double hour, boolean weekend) {
            double day = 0.6 + 0.4 * plateau(hour, 6, 22);
            return weekend ? 0.6 * day : day;
        }
    };

    /**
     * @param hour    local hour of day in [0, 24) (fractional)
     * @param weekend Saturday or Sunday
     * @return load relative to the class's weekday peak (about 0.2 .. 1.0)
     */
    abstract double factor(double hour, boolean weekend);

    /** Gaussian bump of width w hours centred at c, on the 24 h circle. */
    static double bump(double hour, double c, double w) {
        double d = Math.abs(hour - c) % 24.0;
        d = Math.min(d, 24.0 - d);
        return Math.exp(-0.5 * (d / w) * (d / w));
    }

    /** About 1 between hours a and b, 0 outside, with 0.7 h logistic edges. */
    static double plateau(double hour, double a, double b) {
        return 1.0 / (1.0 + Math.exp(-(hour - a) / 0.7)) / (1.0 + Math.exp(-(b - hour) / 0.7));
    }
}
