package uk.dtw.etl.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import uk.dtw.model.reference.Area;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * One partnership's invented but plausible figures: a PDU estimate of a few hundred to a few
 * thousand drifting a few percent a year, penetration between 35% and 80%, most of those in
 * treatment retained effectively, and a funding profile led by the pooled treatment budget. The
 * same seed and partnership always give the same figures.
 */
final class SyntheticPartnership {
  private final Area area;
  private final long seed;
  private final double baseEstimate;
  private final double population;
  private final double penetration;
  final SyntheticEpisodes episodes;

  SyntheticPartnership(Area area, long seed) {
    this.area = area;
    this.episodes = new SyntheticEpisodes(area, seed);
    this.seed = seed ^ area.code().hashCode() * 0x9E3779B97F4A7C15L;
    SplittableRandom r = new SplittableRandom(this.seed);
    this.population = 60_000 + r.nextDouble() * 700_000;
    // England had about 330,000 problem drug users in 2008-09, and 40-75% of them in treatment.
    this.baseEstimate = population * (0.003 + r.nextDouble() * 0.0048);
    this.penetration = 0.40 + r.nextDouble() * 0.35;
  }

  private SplittableRandom random(FinancialYear year, int stream) {
    return new SplittableRandom(seed + 31L * year.startYear() + 1_000_003L * stream);
  }

  private double estimate(FinancialYear year) {
    double drift = 1 + (random(year, 1).nextDouble() - 0.5) * 0.12;
    return Math.round(baseEstimate * Math.pow(drift, 1 + (year.startYear() % 3)));
  }

  List<List<Object>> prevalence(FinancialYear year) {
    double pdu = estimate(year);
    SplittableRandom r = random(year, 2);
    List<List<Object>> rows = new ArrayList<>();
    double[] shares = {
      1.0, 0.80 + r.nextDouble() * 0.1, 0.35 + r.nextDouble() * 0.2, 0.30 + r.nextDouble() * 0.2
    };
    String[] groups = {"pdu", "opiate", "crack", "injecting"};
    for (int i = 0; i < groups.length; i++) {
      double est = Math.round(pdu * shares[i]);
      rows.add(
          List.of(
              area.name(),
              year.toString(),
              groups[i],
              NationalExtracts.format(est),
              NationalExtracts.format(Math.floor(est * 0.91)),
              NationalExtracts.format(Math.ceil(est * 1.11)),
              String.format(Locale.ROOT, "%.2f", est / population * 1000)));
    }
    return rows;
  }

  /** PDUs in treatment in the year, as the treatment extract reports them. */
  double pdusInTreatment(FinancialYear year) {
    return Math.round(estimate(year) * penetration * (0.9 + random(year, 3).nextDouble() * 0.2));
  }

  /** All adults in treatment in the year: the caseload the episodes are generated for. */
  double adultsInTreatment(FinancialYear year) {
    return pdusInTreatment(year) * 1.25;
  }

  List<List<Object>> targets(FinancialYear year) {
    SplittableRandom r = random(year, 5);
    double effective = Math.round(pdusInTreatment(year) * 0.85);
    return List.of(
        List.of(
            area.name(),
            "pdus_in_effective_treatment",
            year.toString(),
            "target",
            NationalExtracts.format(effective * (1.0 + r.nextDouble() * 0.08))));
  }

  List<List<Object>> treatment(FinancialYear year) {
    SplittableRandom r = random(year, 3);
    r.nextDouble(); // the draw pdusInTreatment makes
    double inTreatment = pdusInTreatment(year);
    double effective = Math.round(inTreatment * (0.8 + r.nextDouble() * 0.15));
    List<List<Object>> rows = new ArrayList<>();
    for (String group : List.of("pdu", "all_adults")) {
      double scale = group.equals("pdu") ? 1.0 : 1.25;
      rows.add(
          List.of(
              area.name(),
              year.toString(),
              group,
              NationalExtracts.format(inTreatment * scale),
              NationalExtracts.format(effective * scale),
              NationalExtracts.format(inTreatment * scale * 0.3),
              NationalExtracts.format(inTreatment * scale * 0.12),
              NationalExtracts.format(inTreatment * scale * 0.10),
              NationalExtracts.format(inTreatment * scale * 0.04)));
    }
    return rows;
  }

  List<List<Object>> funding(FinancialYear year) {
    SplittableRandom r = random(year, 4);
    double budget = estimate(year) * (900 + r.nextDouble() * 600);
    String[] sources = {
      "pooled_treatment_budget",
      "dip_main_grant",
      "pct_mainstream",
      "social_services",
      "probation",
      "supporting_people",
      "nrf_wnf_abg"
    };
    double[] shares = {0.5, 0.18, 0.15, 0.07, 0.03, 0.02, 0.05};
    List<List<Object>> rows = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < sources.length; i++) {
      double amount = Math.round(budget * shares[i] * (0.85 + r.nextDouble() * 0.3));
      total += amount;
      rows.add(
          List.of(area.name(), year.toString(), sources[i], NationalExtracts.format(amount), ""));
    }
    rows.add(
        List.of(
            area.name(), year.toString(), "reported_total", NationalExtracts.format(total), ""));
    return rows;
  }
}
