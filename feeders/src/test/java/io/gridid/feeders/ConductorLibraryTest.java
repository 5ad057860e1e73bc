package io.gridid.feeders;

import io.gridid.model.Branch;
import io.gridid.model.ConductorType;
import io.gridid.model.Feeder;
import io.gridid.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConductorLibraryTest {
    /** The hand computation below keeps 9 decimals at each step, then converts kft to km (x 3.28): its rounding stays below ~3e-9 ohm/km. */
    private static final double HAND_9_DECIMALS_OHM_PER_KM = 1e-8;

    @TempDir
    Path dir;

    @Test
    void builtInHoldsTheIeeeFeederConductorsWithPlausibleValues() {
        ConductorLibrary lib = ConductorLibrary.builtIn();
        Set<String> names = lib.types().stream().map(ConductorType::name).collect(Collectors.toSet());
        for (String n : new String[]{"556,500 26/7 ACSR", "4/0 6/1 ACSR", "1/0 ACSR 2-phase", "1/0 ACSR 1-phase",
                "250,000 AA CN", "1/0 AA TS", "1,000,000 AA CN", "500,000 AA CN", "2/0 AA CN", "#2 AA CN"}) {
            assertTrue(names.contains(n), n);
        }
        for (ConductorType t : lib.types()) {
            assertTrue(t.rOhmPerKm() > 0.05 && t.rOhmPerKm() < 2, t.name());
            assertTrue(t.xOhmPerKm() > 0.1 && t.xOhmPerKm() < 1, t.name());
            assertTrue(t.ampacityAmps() >= 100 && t.ampacityAmps() <= 800, t.name());
        }
        // the cable of config 721 by hand: linecode 721 (ohm/kft)
        // r: diag mean (0.055416667*2 + 0.050113636)/3 = 0.053648990, off mean (0.012746212*2 + 0.006382576)/3
        //    = 0.010625000 -> r1 = 0.043023990 ohm/kft = 0.141154823 ohm/km
        // x: diag mean (0.037367424*2 + 0.035984848)/3 = 0.036906565, off mean
        //    (-0.006969697*2 - 0.007897727)/3 = -0.007279040 -> x1 = 0.044185605 ohm/kft = 0.144965 ohm/km
        ConductorType c721 = lib.byName("1,000,000 AA CN");
        assertEquals(0.141154823, c721.rOhmPerKm(), HAND_9_DECIMALS_OHM_PER_KM);
        assertEquals(0.144965898, c721.xOhmPerKm(), HAND_9_DECIMALS_OHM_PER_KM);
    }

    @Test
    void everyIeeeLineUsesALibraryTypeExactly() {
        ConductorLibrary lib = ConductorLibrary.builtIn();
        for (String name : new String[]{"ieee13", "ieee37"}) {
            Feeder f = TestFeeders.load(name);
            for (Branch b : f.branches()) {
                if (b.kind() == Branch.Kind.LINE) {
                    ConductorType t = lib.byName(b.conductor());
                    assertEquals(t.rOhmPerKm() * b.lengthKm(), b.rOhm(), 0.0);
                    assertEquals(t.xOhmPerKm() * b.lengthKm(), b.xOhm(), 0.0);
                }
            }
        }
    }

    @Test
    void readsAFileAndReportsFileAndLineOfErrors() throws Exception {
        Path ok = dir.resolve("lib.csv");
        Files.writeString(ok, "# my conductors\nNAME,x_ohm_per_km,r_ohm_per_km,ampacity_a\n\"336,400 ACSR\",0.39,0.19,530\nfoo,0.4,0.5,\n");
        ConductorLibrary lib = ConductorLibrary.read(ok);
        assertEquals(2, lib.types().size());
        assertEquals(0.19, lib.byName("336,400 ACSR").rOhmPerKm());
        assertEquals(0.39, lib.byName("336,400 ACSR").xOhmPerKm());
        assertTrue(Double.isNaN(lib.byName("foo").ampacityAmps()));

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "name,r_ohm_per_km,x_ohm_per_km,ampacity_a\n# comment\na,0.1,0.2,100\nb,0.1,zero,100\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ConductorLibrary.read(bad));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith(bad + ":4: x_ohm_per_km"), e.getMessage());

        Files.writeString(bad, "name,r_ohm_per_km,x_ohm_per_km,ampacity_a\na,0.1,0.2,100\na,0.1,0.3,100\n");
        e = assertThrows(InvalidInputException.class, () -> ConductorLibrary.read(bad));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("already defined on line 2"), e.getMessage());

        Files.writeString(bad, "name,r_ohm_per_km,ampacity_a\na,0.1,100\n");
        e = assertThrows(InvalidInputException.class, () -> ConductorLibrary.read(bad));
        assertEquals(1, e.line());

        Files.writeString(bad, "name,r_ohm_per_km,x_ohm_per_km,ampacity_a\na,-0.1,0.2,100\n");
        assertThrows(InvalidInputException.class, () -> ConductorLibrary.read(bad));
        assertThrows(IllegalArgumentException.class, () -> lib.byName("nope"));
    }
}
