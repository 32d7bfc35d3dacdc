// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaGenericArrayType;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The architecture as rules (docs/architecture.md): modules depend one way (engine, formats, her2,
 * cohort, web, cli), no module's packages form a cycle, and the faces (cli, web) run predictions
 * and tumours only through the services of {@code org.her2sim.her2.service}. The CLI's tests see
 * every module but spark, so the rules live here. Cohort results are typed records: no public
 * signature in {@code org.her2sim.cohort} takes or returns {@code Map<String, Object>} outside
 * its one JSON mapping ({@code org.her2sim.cohort.json}).
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

    @Test
    void cohortResultsAreTypedOutsideTheJsonMapping() {
        check(typedSignatures("org.her2sim.cohort..", "org.her2sim.cohort.json.."));
    }

    @Test
    void theTypedResultRuleSeesAMapInASignature() {
        JavaClasses fixture = new ClassFileImporter().importClasses(Untyped.class, Typed.class);
        var result = typedSignatures("org.her2sim.cli..", "org.her2sim.none..").evaluate(fixture);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).hasSize(2)
            .allSatisfy(d -> assertThat(d).contains("Untyped").contains("Map<String, Object>"))
            .anySatisfy(d -> assertThat(d).contains("nested"));
    }

    /** Public methods and constructors of public classes in {@code inside} but not in {@code mapping} take and return no {@code Map<String, Object>}. */
    private static ArchRule typedSignatures(String inside, String mapping) {
        return codeUnits().that().areDeclaredInClassesThat().resideInAPackage(inside)
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(mapping)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(new ArchCondition<JavaCodeUnit>("take and return typed results, not Map<String, Object>") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    List<JavaType> types = new ArrayList<>(unit.getParameterTypes());
                    types.add(unit.getReturnType());
                    if (types.stream().anyMatch(ArchitectureTest::stringObjectMap)) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " has Map<String, Object> in its signature"));
                    }
                }
            }).allowEmptyShould(true);
    }

    /** Whether a type is, or has among its type arguments, {@code Map<String, Object>}. */
    private static boolean stringObjectMap(JavaType t) {
        if (t instanceof JavaParameterizedType p) {
            List<JavaType> args = p.getActualTypeArguments();
            if (p.toErasure().isAssignableTo(Map.class) && args.size() == 2 && args.get(0) instanceof JavaClass k && k.isEquivalentTo(String.class)
                && args.get(1) instanceof JavaClass v && v.isEquivalentTo(Object.class)) {
                return true;
            }
            return args.stream().anyMatch(ArchitectureTest::stringObjectMap);
        }
        if (t instanceof JavaWildcardType w) {
            return w.getUpperBounds().stream().anyMatch(ArchitectureTest::stringObjectMap)
                || w.getLowerBounds().stream().anyMatch(ArchitectureTest::stringObjectMap);
        }
        return t instanceof JavaGenericArrayType a && stringObjectMap(a.getComponentType());
    }

    /** Breaks the rule twice (a parameter, a nested return type). */
    public static final class Untyped {
        public void take(Map<String, Object> m) {
        }

        public List<Map<String, Object>> nested() {
            return List.of();
        }
    }

    /** Keeps it: typed maps, and an untyped one that is not public. */
    public static final class Typed {
        public Map<String, Double> figures() {
            return Map.of();
        }

        Map<String, Object> internal() {
            return Map.of();
        }
    }
}
