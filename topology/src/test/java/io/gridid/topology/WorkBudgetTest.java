package io.gridid.topology;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkBudgetTest {
    @Test
    void theBudgetIsFitsPerBusOfAYearPerBusAndOnlyLocalSearchFitsSpendIt() {
        // 1 fit per bus x 2 buses x max(10, 8760) intervals = 17,520 branch-fit intervals:
        // 1,752 fits of 10 intervals are within it, 1,753 are not
        WorkBudget budget = new WorkBudget(PhysicsSearchOptions.defaults().withFitsPerBus(1), 2, 10);
        budget.count(5000); // the greedy start's fits: not the local search's
        long start = budget.fits();
        budget.count(1752);
        budget.chargeSearchSince(start);
        assertFalse(budget.spent());
        assertFalse(budget.exhausted());
        long more = budget.fits();
        budget.count(1);
        budget.chargeSearchSince(more);
        assertTrue(budget.spent());
        assertTrue(budget.exhausted());
        assertEquals(6753, budget.fits());
    }
}
