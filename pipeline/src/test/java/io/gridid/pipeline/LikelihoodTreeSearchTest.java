package io.gridid.pipeline;

import io.gridid.feeders.MeterDataSynthesizer;
import io.gridid.feeders.SynthesisOptions;
import io.gridid.feeders.TestFeeders;
import io.gridid.impedance.ImpedanceOptions;
import io.gridid.model.Feeder;
import io.gridid.model.GrididException;
import io.gridid.model.MeterData;
import io.gridid.model.RadialTree;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The likelihood search against the simulator's true tree: ieee13, 90 days hourly, 1e-5 p.u.
 * voltage noise and 0.5 % P/Q noise, where the data place every bus (the kind of case in which
 * stage 1 still hangs chain-end buses on their grandparents).
 */
class LikelihoodTreeSearchTest {
    /** The gains telescope to the deviance fall under one fixed noise model: only round-off of a few subtractions of deviances of order |startDeviance| remains. */
    private static final double TELESCOPED_RELATIVE = 1e-6;

    private final Feeder feeder;
    private final MeterData meters;

    LikelihoodTreeSearchTest() throws GrididException {
        feeder = TestFeeders.load("ieee13");
        meters = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(90)
                .withIntervalMinutes(60).withSeed(7).withNoiseVoltagePu(1e-5).withNoisePowerRelative(0.005)).meters();
    }

    /** The truth with 675 on its grandparent 671 (true parent 692) and 646 on 632 (true 645). */
    private RadialTree twoBusesOnTheirGrandparents() {
        RadialTree truth = feeder.tree();
        assertEquals("692", truth.parentOf("675"));
        assertEquals("645", truth.parentOf("646"));
        Map<String, String> parents = new LinkedHashMap<>(truth.parents());
        parents.put("675", "671");
        parents.put("646", "632");
        return new RadialTree(truth.root(), parents);
    }

    @Test
    void busesHungOnTheirGrandparentsGoBackToTheirTrueParents() throws GrididException {
        RadialTree start = twoBusesOnTheirGrandparents();
        LikelihoodSearchOptions options = LikelihoodSearchOptions.defaults();
        LikelihoodTreeSearch.Result r = new LikelihoodTreeSearch(ImpedanceOptions.defaults(), options)
                .improve(meters, start);
        assertEquals(feeder.tree(), r.tree(), "moves " + r.moves());
        assertEquals(java.util.Set.of("675", "646"), r.movedBuses(start));
        assertFalse(r.moves().isEmpty());
        for (LikelihoodTreeSearch.Move m : r.moves()) {
            assertTrue(m.gain() > options.minGain(), "every kept move gains more than the threshold: " + m);
        }
        // the gains add up to the deviance fall (each measured on the tree it was applied to)
        double sum = r.moves().stream().mapToDouble(LikelihoodTreeSearch.Move::gain).sum();
        assertEquals(r.startDeviance() - r.deviance(), sum, TELESCOPED_RELATIVE * Math.abs(r.startDeviance()));
    }

    @Test
    void theTrueTreeIsKept() throws GrididException {
        LikelihoodTreeSearch.Result r = new LikelihoodTreeSearch(ImpedanceOptions.defaults(),
                LikelihoodSearchOptions.defaults()).improve(meters, feeder.tree());
        assertEquals(feeder.tree(), r.tree(), "moves " + r.moves());
        assertTrue(r.moves().isEmpty());
        assertEquals(1, r.rounds());
    }

    @Test
    void oneThreadAndManyGiveTheSameTreeAndDeviance() throws GrididException {
        RadialTree start = twoBusesOnTheirGrandparents();
        LikelihoodSearchOptions options = LikelihoodSearchOptions.defaults().withMaxRounds(1);
        LikelihoodTreeSearch.Result parallel = new LikelihoodTreeSearch(ImpedanceOptions.defaults(), options)
                .improve(meters, start);
        LikelihoodTreeSearch.Result sequential = new LikelihoodTreeSearch(ImpedanceOptions.defaults(),
                options.withParallel(false)).improve(meters, start);
        assertEquals(sequential, parallel);
    }

    /** With 2 % of the rows missing (same feeder, noise and seed) the search still moves both buses back. */
    @Test
    void withGapsTheBusesStillGoBack() throws GrididException {
        MeterData gappy = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(90)
                .withIntervalMinutes(60).withSeed(7).withNoiseVoltagePu(1e-5).withNoisePowerRelative(0.005)
                .withMissingFraction(0.02)).meters();
        assertTrue(gappy.missingCount() > 0);
        RadialTree start = twoBusesOnTheirGrandparents();
        LikelihoodTreeSearch.Result r = new LikelihoodTreeSearch(ImpedanceOptions.defaults(),
                LikelihoodSearchOptions.defaults()).improve(gappy, start);
        assertEquals(feeder.tree(), r.tree(), "moves " + r.moves());
    }

    /** Exact readings leave rounding as the noise (about 1e-14 p.u. here): refused, not searched. */
    @Test
    void exactReadingsAreRefused() throws GrididException {
        MeterData exact = MeterDataSynthesizer.synthesize(feeder, SynthesisOptions.defaults().withDays(30)
                .withIntervalMinutes(60).withSeed(7).withNoiseVoltagePu(0).withNoisePowerRelative(0)).meters();
        GrididException e = assertThrows(GrididException.class, () -> new LikelihoodTreeSearch(
                ImpedanceOptions.defaults(), LikelihoodSearchOptions.defaults()).improve(exact, feeder.tree()));
        assertTrue(e.getMessage().contains("exact to rounding"), e.getMessage());
    }
}
