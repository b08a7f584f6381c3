package org.sintraee.rar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Timer;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** As in the runtime: inside the container every thread is the WorkManager's, so the adapter makes none. */
class RarThreadsTest {

    @Test
    void theAdapterMakesNoThreads() {
        JavaClasses rar = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sintraee.rar");
        Assertions.assertTrue(rar.contain(WorkManagerExecutor.class), "classes imported: " + rar.size());
        noClasses()
                .should().callConstructorWhere(DescribedPredicate.describe("a Thread constructor",
                        call -> call.getTargetOwner().isAssignableTo(Thread.class)))
                .orShould().callMethod(Thread.class, "start")
                .orShould().dependOnClassesThat().belongToAnyOf(Executors.class, ThreadPoolExecutor.class,
                        ForkJoinPool.class, Timer.class)
                .because("inside Payara the adapter runs only on the WorkManager's threads")
                .check(rar);
    }
}
