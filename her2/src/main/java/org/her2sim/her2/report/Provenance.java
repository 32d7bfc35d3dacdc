// SPDX-License-Identifier: Apache-2.0
package org.her2sim.her2.report;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.her2sim.engine.output.RunReportWriter;
import org.her2sim.her2.catalog.Catalog;
import org.her2sim.her2.service.Her2Model;

/**
 * Where a report came from, printed at its top: the software version, the model's content hash
 * ({@link Her2Model#sha256}), the seed, the date, and the research-use statement.
 *
 * @param date ISO date (UTC) the run was made
 */
public record Provenance(String software, String modelSha256, long seed, String date) {
    /** The statement every report carries. */
    public static final String RESEARCH_USE = "Research use only. This is a simulation of a model built from published laboratory and "
        + "clinical studies; it has not been validated for and must not be used in diagnosis or treatment decisions for any patient.";

    /** Today's (UTC) provenance of a run of {@code model} with {@code seed}. */
    public static Provenance of(Her2Model model, long seed) throws IOException {
        return of(model.catalog(), seed);
    }

    /** Today's (UTC) provenance of a run of the model of {@code catalog} with {@code seed}. */
    public static Provenance of(Catalog catalog, long seed) throws IOException {
        return new Provenance(RunReportWriter.VERSION, Her2Model.sha256(catalog), seed, LocalDate.now(ZoneOffset.UTC).toString());
    }

    /** One line: {@code her2sim 0.1.0; model sha256 ab12...; seed 42; 2026-12-03}. */
    public String line() {
        return software + "; model sha256 " + modelSha256 + "; seed " + seed + "; " + date;
    }

    /** Two paragraphs: the provenance line and the research-use statement. */
    public String html() {
        return "<p class=\"provenance\">" + HtmlReport.esc(software) + "; model sha256 <code>" + HtmlReport.esc(modelSha256) + "</code>; seed "
            + seed + "; run " + HtmlReport.esc(date) + ".</p>\n<p class=\"research-use\"><b>" + HtmlReport.esc(RESEARCH_USE) + "</b></p>\n";
    }
}
