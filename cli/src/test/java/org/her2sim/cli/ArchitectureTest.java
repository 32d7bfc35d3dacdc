// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The architecture as rules (docs/architecture.md): modules depend one way (engine, formats, her2,
 * cohort, web, cli), no module's packages form a cycle, and the faces (cli, web) run predictions
 * and tumours only through the services of {@code org.her2sim.her2.service}. The CLI's tests see
 * every module but spark, so the rules live here.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.her2sim");
    }

    private static String[] packages(String... modules) {
        String[] p = new String[modules.length];
        for (int i = 0; i < modules.length; i++) {
            p[i] = "org.her2sim." + modules[i] + "..";
        }
        return p;
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void everyModuleIsImported() {
        for (String m : new String[] {"engine", "formats", "her2", "cohort", "web", "cli"}) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith("org.her2sim." + m)))
                .as(m).isTrue();
        }
    }

    @Test
    void theEngineKnowsNoOtherModule() {
        check(noClasses().that().resideInAPackage("org.her2sim.engine..").should().dependOnClassesThat()
            .resideInAnyPackage(packages("formats", "her2", "cohort", "web", "cli", "spark")));
    }

    @Test
    void formatsDependOnlyOnTheEngine() {
        check(noClasses().that().resideInAPackage("org.her2sim.formats..").should().dependOnClassesThat()
            .resideInAnyPackage(packages("her2", "cohort", "web", "cli", "spark")));
    }

    @Test
    void her2KnowsNeitherCohortsNorFaces() {
        check(noClasses().that().resideInAPackage("org.her2sim.her2..").should().dependOnClassesThat()
            .resideInAnyPackage(packages("formats", "cohort", "web", "cli", "spark")));
    }

    @Test
    void cohortsKnowNoFace() {
        check(noClasses().that().resideInAPackage("org.her2sim.cohort..").should().dependOnClassesThat()
            .resideInAnyPackage(packages("formats", "web", "cli", "spark")));
    }

    @Test
    void theWebKnowsNotTheCli() {
        check(noClasses().that().resideInAPackage("org.her2sim.web..").should().dependOnClassesThat()
            .resideInAnyPackage(packages("cli", "spark")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"engine", "formats", "her2", "cohort", "web", "cli"})
    void noPackageCyclesInAModule(String module) {
        check(slices().assignedFrom(packagesOf("org.her2sim." + module)).should().beFreeOfCycles().allowEmptyShould(true));
    }

    /** One slice per package of a module, its top package included. */
    private static SliceAssignment packagesOf(String module) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String p = c.getPackageName();
                return p.equals(module) || p.startsWith(module + ".") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
            }

            @Override
            public String getDescription() {
                return "packages of " + module;
            }
        };
    }

    @Test
    void noCyclesBetweenModules() {
        check(slices().matching("org.her2sim.(*)..").should().beFreeOfCycles());
    }

    @Test
    void facesPredictAndTreatOnlyThroughTheServices() {
        check(noClasses().that().resideInAnyPackage(packages("cli", "web")).should().dependOnClassesThat()
            .haveFullyQualifiedName("org.her2sim.her2.predict.Predictor")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.her2sim.her2.tumour.TumourSimulation")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.her2sim.her2.tumour.CloneRates")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("org.her2sim.her2.tumour.RegimenExposure")
            .because("the predict and treat services check a request once and run it the same way for every face"));
    }
}
