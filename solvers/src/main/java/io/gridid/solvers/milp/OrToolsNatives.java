package io.gridid.solvers.milp;

import com.google.ortools.Loader;

/**
 * Loads the OR-Tools native libraries once, lazily, thread-safely (initialisation-on-demand
 * holder: the JVM runs {@link Holder}'s static initialiser exactly once, on first access).
 * Nothing pays for it until a MILP is actually solved (loading the natives takes on the order of a second).
 */
final class OrToolsNatives {
    private OrToolsNatives() {
    }

    private static final class Holder {
        static final boolean LOADED;

        static {
            Loader.loadNativeLibraries();
            LOADED = true;
        }
    }

    static void ensureLoaded() {
        if (!Holder.LOADED) {
            throw new IllegalStateException("OR-Tools native libraries not loaded");
        }
    }
}
