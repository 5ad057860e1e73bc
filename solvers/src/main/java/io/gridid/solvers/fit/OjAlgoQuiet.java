package io.gridid.solvers.fit;

/**
 * ojAlgo prints a multi-line "hardware profile" notice to standard output the first time it is
 * used on a machine it has no profile for (this project's 2-core build box is one), which would
 * corrupt the CLI's output. Its documented switch is the system property {@code shut.up.ojAlgo};
 * this sets it once, before the first ojAlgo class initialises, unless the user already set it.
 */
final class OjAlgoQuiet {
    static final String PROPERTY = "shut.up.ojAlgo";

    private OjAlgoQuiet() {
    }

    private static final class Holder {
        static final boolean DONE;

        static {
            if (System.getProperty(PROPERTY) == null) {
                System.setProperty(PROPERTY, "true");
            }
            DONE = true;
        }
    }

    static void ensure() {
        if (!Holder.DONE) {
            throw new IllegalStateException("unreachable");
        }
    }
}
