package org.sintraee.protocol.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SeedsTest {
    private final String savedSeed = System.getProperty("sim.seed");
    private final String savedSeeds = System.getProperty("sim.seeds");

    @AfterEach
    void restoreProperties() {
        restore("sim.seed", savedSeed);
        restore("sim.seeds", savedSeeds);
    }

    @Test
    void runsEverySeedOnce() {
        System.clearProperty("sim.seed");
        System.clearProperty("sim.seeds");
        List<Long> seen = new ArrayList<>();
        Seeds.forEach(SeedsTest.class, "runsEverySeedOnce", 5, seen::add);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seen);
    }

    @Test
    void aFailureNamesItsSeedAndTheReplayCommand() {
        System.clearProperty("sim.seed");
        System.clearProperty("sim.seeds");
        List<Long> seen = new ArrayList<>();
        SimulationFailure f = assertThrows(SimulationFailure.class, () -> Seeds.forEach(SeedsTest.class, "someMethod", 10,
                seed -> {
                    seen.add(seed);
                    if (seed == 3) {
                        throw new IllegalStateException("boom");
                    }
                }));
        assertEquals(List.of(1L, 2L, 3L), seen);
        assertTrue(f.getMessage().startsWith("seed 3; replay: mvn -pl resource-adapter/protocol test "
                + "-Dtest=SeedsTest#someMethod -Dsim.seed=3"), f.getMessage());
        assertTrue(f.getMessage().contains("boom"), f.getMessage());
        assertInstanceOf(IllegalStateException.class, f.getCause());
    }

    @Test
    void assertionErrorsAreWrappedToo() {
        System.clearProperty("sim.seed");
        SimulationFailure f = assertThrows(SimulationFailure.class,
                () -> Seeds.forEach(SeedsTest.class, "m", 2, seed -> assertEquals(1L, seed)));
        assertTrue(f.getMessage().contains("-Dsim.seed=2"), f.getMessage());
    }

    @Test
    void honoursTheSeedAndSeedCountProperties() {
        System.setProperty("sim.seed", "12345");
        List<Long> seen = new ArrayList<>();
        Seeds.forEach(SeedsTest.class, "m", 100, seen::add);
        assertEquals(List.of(12345L), seen);

        System.clearProperty("sim.seed");
        System.setProperty("sim.seeds", "3");
        seen.clear();
        Seeds.forEach(SeedsTest.class, "m", 100, seen::add);
        assertEquals(List.of(1L, 2L, 3L), seen);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
