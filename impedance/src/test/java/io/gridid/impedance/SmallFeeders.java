package io.gridid.impedance;

import io.gridid.model.Branch;
import io.gridid.model.BusLoad;
import io.gridid.model.ConductorType;
import io.gridid.model.Feeder;

import java.util.List;
import java.util.Map;

/**
 * Hand-built feeders for the impedance tests, with impedances typed in from a small conductor
 * library (so the truth is known independently of any code under test).
 */
final class SmallFeeders {
    private SmallFeeders() {
    }

    /** Overhead and cable types with distinct x/r ratios (ohm/km, A), in the range of 12.47 kV practice. */
    static final ConductorType ACSR_336 = new ConductorType("336 ACSR", 0.190, 0.390, 530);
    static final ConductorType ACSR_1_0 = new ConductorType("1/0 ACSR", 0.550, 0.450, 230);
    static final ConductorType CU_4_0 = new ConductorType("4/0 CU", 0.180, 0.330, 480);
    static final ConductorType XLPE_240 = new ConductorType("240 XLPE", 0.125, 0.110, 420);

    static final List<ConductorType> LIBRARY = List.of(ACSR_336, ACSR_1_0, CU_4_0, XLPE_240);

    /**
     * Eight buses at 12.47 kV with a fork, a cable lateral and a transformer-like branch
     * (r 0.05, x 0.40 ohm: x/r = 8, no library type has it):
     * <pre>
     *   S -336(2.0)- 1 -336(1.5)- 2 -1/0(0.8)- 3
     *                            2 -XLPE(1.2)- 4 -XLPE(0.6)- 5
     *                1 -xfmr- 6 -1/0(0.5)- 7
     * </pre>
     */
    static Feeder forked() {
        List<Branch> br = List.of(
                Branch.line("S", "1", ACSR_336, 2.0),
                Branch.line("1", "2", ACSR_336, 1.5),
                Branch.line("2", "3", ACSR_1_0, 0.8),
                Branch.line("2", "4", XLPE_240, 1.2),
                Branch.line("4", "5", XLPE_240, 0.6),
                new Branch("1", "6", 0.05, 0.40, Branch.Kind.TRANSFORMER, null, Double.NaN),
                Branch.line("6", "7", ACSR_1_0, 0.5));
        Map<String, BusLoad> loads = Map.of(
                "1", new BusLoad("1", 0.6, 0.25),
                "2", new BusLoad("2", 0.4, 0.15),
                "3", new BusLoad("3", 0.8, 0.35),
                "4", new BusLoad("4", 0.3, 0.10),
                "5", new BusLoad("5", 0.9, 0.30),
                "6", new BusLoad("6", 0.2, 0.05),
                "7", new BusLoad("7", 1.0, 0.45));
        return new Feeder("forked8", "hand-built test feeder", 12.47, "S", 1.03, br, loads);
    }
}
