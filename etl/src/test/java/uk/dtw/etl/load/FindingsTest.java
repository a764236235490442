package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.support.Warehouses;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.model.schema.Facts;

/**
 * Problems only visible across rows or files are reported after the load, and the figures stay as
 * reported.
 */
class FindingsTest {

  @Test
  void totals_rings_and_effective_treatment_that_disagree_are_reported_and_kept(@TempDir Path dir) {
    Warehouses wh = new Warehouses(dir);
    // Gateshead 2008/09 as printed: the lines sum to 3,600,788 - 1,000,000 here for brevity.
    wh.write(
        "funding.csv",
        "partnership,period,source,amount_gbp,note",
        "Gateshead,2008/09,Pooled treatment budget,\"1,680,054\",",
        "Gateshead,2008/09,PCT mainstream,\"810,200\",",
        "Gateshead,2008/09,Reported total,\"2,499,673\",", // 1,680,054 + 810,200 = 2,490,254: off
        // by 9,419
        "Portsmouth,2008/09,Pooled treatment budget,100,",
        "Portsmouth,2008/09,Reported total,100,"); // agrees: no finding
    wh.write(
        "prevalence.csv",
        "partnership,period,drug_group,estimate",
        "Hampshire,2008-09,pdu,3197",
        "Hampshire,2008-09,crack,1385");
    wh.write(
        "bullseye.csv",
        "partnership,as_at,drug_group,in_treatment,treated_last_12_months,known_to_treatment,treatment_naive",
        "Hampshire,31/03/2009,pdu,1348,478,327,1044", // 3,197: adds up
        "Hampshire,31/03/2009,crack,346,168,106,700"); // 1,320, not 1,385
    wh.write(
        "treatment.csv",
        "partnership,period,client_group,in_treatment,in_effective_treatment",
        "Kent,2008-09,pdu,2479,2600", // more effective than in treatment
        "Medway,2008-09,pdu,693,600");

    LoadReport report = wh.load();

    assertThat(report.findings)
        .extracting(f -> f.get("rule") + ": " + f.get("message"))
        .containsExactlyInAnyOrder(
            "funding_total_differs: Gateshead 2008-09: the printed total 2,499,673 differs from the sum of its lines "
                + "2,490,254 by 9,419 (both kept as reported; see the funding_total view)",
            "bullseye_rings_differ_from_estimate: Hampshire 2008-09: the Bull's eye rings for crack at 2009-03-31 add up to "
                + "1,320 but the 2008-09 estimate is 1,385",
            "effective_exceeds_in_treatment: Kent 2008-09: 2,600 pdu in effective treatment is more than the 2,479 in "
                + "treatment (treatment.csv row 2)");
    assertThat(report.findings)
        .filteredOn(f -> f.get("rule").equals("funding_total_differs"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(Map.of("file", f.get("file"), "row", f.get("row")))
                    .isEqualTo(Map.of("file", "funding.csv", "row", 4)));
    // Stored too, so a figure's provenance shows them: the Gateshead total is row 4 of funding.csv.
    assertThat(
            wh.table(AuditTables.FINDING)
                .filter("source_file = 'funding.csv' AND source_row = 4")
                .select("rule", "load_id")
                .collectAsList())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getString(0)).isEqualTo("funding_total_differs");
              assertThat(r.getString(1)).isEqualTo(report.loadId);
            });
    assertThat(wh.table(AuditTables.FINDING).count()).isEqualTo(report.findings.size());
    // Reported, never fixed: the printed total and the counts are loaded as they are.
    assertThat(
            wh.figure(Facts.TREATMENT, "area_code", "29", "measure_code", "in_effective_treatment"))
        .isEqualTo(2600.0);
    assertThat(report.anythingHeldBack()).isFalse();
    assertThat(report.toText()).contains("Findings (figures kept as reported; check them):");
  }
}
