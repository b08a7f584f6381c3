package org.sintraee.protocol.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol core must stay a set of deterministic state machines: no IO, no threads,
 * no clocks, no ambient randomness, no container API. Otherwise a simulated run cannot
 * replay from its seed, and the runtime loses control of what is durable when.
 */
class ProtocolPurityTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sintraee.protocol");
    }

    @Test
    void coreIsNotEmpty() {
        // Guards the rules below against passing vacuously on an empty import.
        org.junit.jupiter.api.Assertions.assertTrue(core.size() > 10, "classes imported: " + core.size());
    }

    @Test
    void noForbiddenPackages() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "jakarta..", "java.net..", "java.nio.channels..", "java.util.concurrent..", "java.time..")
                .because("the protocol core does no IO, has no threads or clocks, and knows no container");
        rule.check(core);
    }

    @Test
    void noThreads() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Thread.class)
                .because("the runtime owns every thread").check(core);
    }

    @Test
    void noClocks() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .because("time never decides anything in the protocols").check(core);
    }

    @Test
    void noAmbientRandomness() {
        noClasses().should().callMethod(Math.class, "random")
                .orShould().callConstructor(Random.class)
                .orShould().callConstructor(Random.class, long.class)
                .orShould().dependOnClassesThat().areAssignableTo(ThreadLocalRandom.class)
                .because("shared randomness comes only from the threshold coin, secret randomness from the caller")
                .check(core);
    }
}
