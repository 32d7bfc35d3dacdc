// SPDX-License-Identifier: Apache-2.0
package org.her2sim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.her2sim.cohort.classify.ClassificationTable;
import org.her2sim.cohort.json.JsonTree;
import org.her2sim.cohort.profile.ProfileBuilder;
import org.her2sim.cohort.profile.ProfileJson;
import org.her2sim.cohort.profile.ProfileText;
import org.her2sim.cohort.profile.SampleProfile;
import org.her2sim.cohort.variant.CnaReader;
import org.her2sim.cohort.variant.MafReader;
import org.her2sim.cohort.variant.VcfReader;
import org.her2sim.cohort.virtual.Cohort;
import org.her2sim.cohort.virtual.CohortFile;
import org.her2sim.cohort.virtual.Patient;
import org.her2sim.cohort.virtual.PatientProfiles;
import org.her2sim.cohort.virtual.PrevalenceModel;
import org.her2sim.engine.error.ModelException;
import org.her2sim.engine.error.SourceLocation;
import org.her2sim.engine.output.AtomicOutputs;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.profile.ProfileReader;

/** {@code her2sim profile}: tumour profiles from VCF, MAF, copy-number tables, YAML profiles or a virtual cohort. */
final class ProfileCommand implements Command {

    private static final Args.Spec SPEC = new Args.Spec(
        "her2sim profile --vcf FILE|--maf FILE|--cna FILE|--profile FILE|--cohort FILE ... [--sample ID]... [options]",
        "Read variants, classify them with the cited table (cohort/classification.yaml) and print one profile per sample",
        "in the format 'her2sim predict --profile' reads. Inputs are merged by sample name. Variants the table or the model",
        "does not know are listed as unclassified with the reason. Exit codes: 0 done, 2 bad input (nothing written).")
        .option("--vcf", "FILE", "a VCF (.vcf or .vcf.gz; SnpEff ANN or VEP CSQ annotations used when present); repeatable")
        .option("--maf", "FILE", "a MAF (Hugo_Symbol, Variant_Classification, HGVSp_Short, Tumor_Sample_Barcode); repeatable")
        .option("--cna", "FILE", "a gene x sample copy-number table, GISTIC levels -2..2; repeatable")
        .option("--profile", "FILE", "a her2 profile YAML, checked against the model like the others; repeatable")
        .option("--cohort", "FILE", "a virtual cohort file (her2sim cohort sample): one profile per patient")
        .option("--sample", "ID", "only this sample (repeatable; default: every sample with a variant, or the tumour sample)")
        .option("-o,--output", "DIR", "write one SAMPLE.yaml (or .json) per sample into DIR instead of printing")
        .flag("--json", "JSON instead of YAML")
        .option("--table", "FILE", "a classification table laid out like cohort/classification.yaml instead of the bundled one")
        .option("--catalog", "DIR", Her2Input.CATALOG_HELP);

    @Override
    public String name() {
        return "profile";
    }

    @Override
    public String summary() {
        return "tumour profiles from VCF, MAF or copy-number files";
    }

    @Override
    public Args.Spec spec() {
        return SPEC;
    }

    @Override
    public int run(Args a, PrintStream out, PrintStream err) throws Exception {
        a.requireNoPositionals();
        boolean any = a.entries().stream().anyMatch(e -> List.of("--vcf", "--maf", "--cna", "--profile", "--cohort").contains(e.key()));
        if (!any) {
            throw new Args.UsageException("give at least one input: --vcf, --maf, --cna, --profile or --cohort");
        }
        Catalog catalog = Her2Input.catalog(a);
        String tableFile = a.value("--table");
        ClassificationTable table = tableFile == null ? ClassificationTable.load() : ClassificationTable.load(Path.of(tableFile));
        ProfileBuilder builder = new ProfileBuilder(table, catalog.genes());
        boolean fromFiles = false;
        for (Args.Entry e : a.entries()) {
            switch (e.key()) {
                case "--vcf" -> builder.add(VcfReader.read(Path.of(e.value())));
                case "--maf" -> builder.add(MafReader.read(Path.of(e.value())));
                case "--cna" -> builder.add(CnaReader.read(Path.of(e.value())));
                case "--profile" -> builder.add(ProfileReader.read(Path.of(e.value())), e.value());
                default -> {
                    continue;
                }
            }
            fromFiles = true;
        }
        List<String> only = a.values("--sample", false);
        List<SampleProfile> profiles = new ArrayList<>();
        Set<String> found = new HashSet<>();
        if (fromFiles) {
            List<String> mine = only.stream().filter(builder.declared()::contains).toList();
            if (only.isEmpty() || !mine.isEmpty()) {
                profiles.addAll(builder.build(mine));
                found.addAll(mine);
            }
        }
        String cohortFile = a.value("--cohort");
        Set<String> known = new LinkedHashSet<>(builder.declared());
        if (cohortFile != null) {
            Cohort cohort = CohortFile.read(Path.of(cohortFile));
            PrevalenceModel model = PrevalenceModel.load();
            for (Patient p : cohort.patients()) {
                known.add(p.id());
                if (only.isEmpty() || only.contains(p.id())) {
                    profiles.add(PatientProfiles.of(p, cohort, model, cohortFile));
                    found.add(p.id());
                }
            }
        }
        for (String s : only) {
            if (!found.contains(s)) {
                throw new ModelException(SourceLocation.of("--sample"), "no sample '" + s + "' in the inputs (samples: "
                    + String.join(", ", known) + ")");
            }
        }
        boolean json = a.has("--json");
        String dir = a.value("--output");
        if (dir == null) {
            out.print(json ? JsonTree.text(profiles.stream().map(ProfileJson::of).toList()) : yamlStream(profiles));
            return 0;
        }
        try (AtomicOutputs outs = new AtomicOutputs()) {
            Set<String> names = new HashSet<>();
            for (SampleProfile p : profiles) {
                String base = ProfileText.fileName(p.sample());
                String name = base;
                for (int i = 2; !names.add(name); i++) {
                    name = base + "-" + i;
                }
                String text = json ? JsonTree.text(ProfileJson.of(p)) : ProfileText.yaml(p);
                outs.write(Path.of(dir, name + (json ? ".json" : ".yaml")), w -> w.write(text));
            }
            outs.commit();
        }
        out.println("wrote " + profiles.size() + " profile" + (profiles.size() == 1 ? "" : "s") + " to " + dir);
        return 0;
    }

    private static String yamlStream(List<SampleProfile> profiles) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < profiles.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(ProfileText.yaml(profiles.get(i)));
        }
        return sb.toString();
    }
}
