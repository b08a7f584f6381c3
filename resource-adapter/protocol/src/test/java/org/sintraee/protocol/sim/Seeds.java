package org.sintraee.protocol.sim;

import java.util.function.LongConsumer;

/**
 * Runs a simulated test body over many seeds, and makes every failure replayable: the
 * rethrown error names the seed and the Maven command that runs just that seed.
 *
 * <p>System properties: {@code -Dsim.seed=S} runs only seed S; {@code -Dsim.seeds=N}
 * runs N seeds instead of the test's count. Seeds are 1..count, so a run is repeatable.
 */
public final class Seeds {
    private Seeds() {
    }

    public static void forEach(Class<?> testClass, String method, int count, LongConsumer body) {
        String single = System.getProperty("sim.seed");
        if (single != null && !single.isBlank()) {
            run(testClass, method, Long.parseLong(single.trim()), body);
            return;
        }
        int seeds = Integer.getInteger("sim.seeds", count);
        for (long seed = 1; seed <= seeds; seed++) {
            run(testClass, method, seed, body);
        }
    }

    /** The command that replays one seed of one test method. */
    public static String replayCommand(Class<?> testClass, String method, long seed) {
        return "mvn -pl resource-adapter/protocol test -Dtest=" + testClass.getSimpleName() + "#" + method
                + " -Dsim.seed=" + seed;
    }

    private static void run(Class<?> testClass, String method, long seed, LongConsumer body) {
        try {
            body.accept(seed);
        } catch (AssertionError | RuntimeException e) {
            String message = "seed " + seed + "; replay: " + replayCommand(testClass, method, seed) + "\n" + e.getMessage();
            System.err.println(message);
            throw new SimulationFailure(message, e);
        }
    }
}
