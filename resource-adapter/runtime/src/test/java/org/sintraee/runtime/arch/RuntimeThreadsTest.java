package org.sintraee.runtime.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inside the application server every thread must come from the container (the resource
 * adapter's WorkManager), so the runtime never makes one: it runs on the executor it is
 * given. Only the standalone command-line entry points make their own executor.
 */
class RuntimeThreadsTest {
    /** The standalone entry points: they are the "outside" that gives the runtime its executor. */
    private static final Set<String> OWN_EXECUTOR = Set.of(
            "org.sintraee.runtime.replica.ReplicaCommand",
            "org.sintraee.runtime.replica.ClusterCommand",
            "org.sintraee.runtime.bench.Benchmark");

    private static JavaClasses runtime;

    @BeforeAll
    static void importRuntime() {
        runtime = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sintraee.runtime");
    }

    @Test
    void runtimeIsNotEmpty() {
        Assertions.assertTrue(runtime.size() > 50, "classes imported: " + runtime.size());
    }

    @Test
    void noThreadIsMadeOutsideTheEntryPoints() {
        DescribedPredicate<JavaClass> entryPoint = DescribedPredicate.describe("a standalone entry point",
                c -> OWN_EXECUTOR.stream().anyMatch(name -> c.getName().equals(name) || c.getName().startsWith(name + "$")));
        noClasses().that(DescribedPredicate.not(entryPoint))
                .should().callConstructorWhere(DescribedPredicate.describe("a Thread constructor",
                        call -> call.getTargetOwner().isAssignableTo(Thread.class)))
                .orShould().callMethod(Thread.class, "start")
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ThreadPoolExecutor.class,
                        ForkJoinPool.class, Timer.class)
                .because("inside Payara the runtime runs only on the WorkManager's threads")
                .check(runtime);
    }
}
