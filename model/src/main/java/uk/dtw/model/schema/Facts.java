package uk.dtw.model.schema;

import static uk.dtw.model.schema.Column.optional;
import static uk.dtw.model.schema.Column.required;
import static uk.dtw.model.schema.ColumnType.DATE;
import static uk.dtw.model.schema.ColumnType.DOUBLE;
import static uk.dtw.model.schema.ColumnType.INT;
import static uk.dtw.model.schema.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;

/**
 * The fact tables, one per kind of extract, one row per reported figure.
 *
 * <p>Column names avoid SQL's reserved words (PERIOD, MEASURE, VALUE) so analysts never need to
 * quote them: {@code financial_year}, {@code measure_code}, {@code figure}.
 *
 * <p>Facts are long (one figure a row) so that a blank cell is simply no row: it can never erase a
 * figure another extract reported, and every figure carries its own file and row. The views in
 * {@code views/} pivot them into the wide shapes analysts read.
 */
public final class Facts {
  private Facts() {}

  /** Provenance carried by every fact row: where the figure came from. */
  public static final List<Column> PROVENANCE =
      List.of(
          required("load_id", STRING, "The load that wrote the figure (see meta_load)"),
          required("source_file", STRING, "Path of the extract file below the landing folder"),
          required(
              "source_row", INT, "Row of the figure in that file, counting the header as row 1"));

  public static final TableDef PREVALENCE =
      fact(
          "fact_prevalence",
          "Modelled estimates of problem drug users, with 95% intervals and rates per 1,000 aged 15-64.",
          List.of(
              required("area_code", STRING, "Partnership, region or England (dim_area)"),
              required("financial_year", STRING, "Financial year as 2008-09 (dim_period)"),
              required("drug_group", STRING, "pdu, opiate, crack or injecting (dim_drug_group)"),
              required("measure_code", STRING, "estimate, lower_95, upper_95 or rate_per_1000"),
              required("figure", DOUBLE, "The figure as reported")),
          List.of("area_code", "financial_year", "drug_group", "measure_code"));

  public static final TableDef TREATMENT =
      fact(
          "fact_treatment",
          "Numbers in treatment from NDTMS, per partnership, financial year and client group.",
          List.of(
              required("area_code", STRING, "Partnership, region or England (dim_area)"),
              required("financial_year", STRING, "Financial year as 2008-09 (dim_period)"),
              required("client_group", STRING, "pdu or all_adults (dim_client_group)"),
              required(
                  "measure_code",
                  STRING,
                  "in_treatment, in_effective_treatment, new_presentations, planned_exits, unplanned_exits or referred_on"),
              required("figure", DOUBLE, "Number of people, as reported")),
          List.of("area_code", "financial_year", "client_group", "measure_code"));

  public static final TableDef BULLSEYE =
      fact(
          "fact_bullseye",
          "The Bull's eye: the estimate split into four rings at a date.",
          List.of(
              required("area_code", STRING, "Partnership, region or England (dim_area)"),
              required("as_at", DATE, "The date the rings describe, e.g. 2009-03-31"),
              required("drug_group", STRING, "pdu, opiate, crack or injecting (dim_drug_group)"),
              required(
                  "measure_code",
                  STRING,
                  "in_treatment, treated_last_12_months, known_to_treatment or treatment_naive"),
              required("figure", DOUBLE, "Number of people, as reported")),
          List.of("area_code", "as_at", "drug_group", "measure_code"));

  public static final TableDef FUNDING =
      fact(
          "fact_funding",
          "The funding profile: one amount per source and financial year, as reported, including the printed total line.",
          List.of(
              required("area_code", STRING, "Partnership, region or England (dim_area)"),
              required("financial_year", STRING, "Financial year as 2008-09 (dim_period)"),
              required(
                  "source_code",
                  STRING,
                  "Funding source (dim_funding_source); reported_total is the printed total"),
              optional(
                  "amount_gbp",
                  DOUBLE,
                  "Amount in pounds; null where the cell held text instead of a number"),
              optional("note", STRING, "Text the cell held, e.g. Amalgamated with DIP main grant")),
          List.of("area_code", "financial_year", "source_code"));

  public static final TableDef TARGET =
      fact(
          "fact_target",
          "Baselines and targets agreed for a measure.",
          List.of(
              required("area_code", STRING, "Partnership, region or England (dim_area)"),
              required(
                  "measure_code",
                  STRING,
                  "What the target is for, e.g. pdus_in_effective_treatment"),
              required("financial_year", STRING, "Financial year as 2008-09 (dim_period)"),
              required("kind", STRING, "baseline or target"),
              required("figure", DOUBLE, "The figure as agreed")),
          List.of("area_code", "measure_code", "financial_year", "kind"));

  public static final TableDef INDICATOR =
      fact(
          "fact_indicator",
          "Figures of indicators analysts load without code (e.g. drug-related deaths per 100,000), as reported.",
          List.of(
              required("indicator_code", STRING, "The indicator (dim_indicator)"),
              required("area_code", STRING, "Partnership, region or England (dim_area)"),
              required(
                  "period_code",
                  STRING,
                  "Financial year as 2008-09 or calendar year as 2008, as the indicator is reported"),
              required(
                  "period_start",
                  DATE,
                  "First day of the period (1 April for a financial year, 1 January for a calendar year)"),
              optional(
                  "numerator",
                  DOUBLE,
                  "The count the value is made from (e.g. deaths), where reported"),
              optional(
                  "denominator",
                  DOUBLE,
                  "The population or total the count is out of, where reported"),
              optional(
                  "figure",
                  DOUBLE,
                  "The value as reported, in the indicator's unit; null where only count and denominator were given"),
              optional("lower_95", DOUBLE, "Lower bound of the reported 95% confidence interval"),
              optional("upper_95", DOUBLE, "Upper bound of the reported 95% confidence interval")),
          List.of("indicator_code", "area_code", "period_code"));

  /**
   * Record-level: one row per treatment episode, partitioned by partnership and the financial year
   * of the referral so that reloading one partnership-year rewrites only its own files.
   */
  public static final TableDef EPISODE =
      new TableDef(
          "fact_episode",
          Layer.GOLD,
          "Treatment episodes from NDTMS, one row per episode: a person's journey from referral to discharge at one partnership.",
          withProvenance(
              List.of(
                  required("area_code", STRING, "Partnership (dim_area)"),
                  required(
                      "financial_year",
                      STRING,
                      "Financial year of the referral date, as 2008-09 (dim_period)"),
                  required(
                      "extract_year",
                      STRING,
                      "Financial year of the extract that sent the episode (from its file name, else the referral's): the partnership-years the measures cover"),
                  required(
                      "client_ref",
                      STRING,
                      "The partnership's pseudonymous reference for the person; the same person keeps it across episodes and years"),
                  required("referral_date", DATE, "Date of referral (dim_date)"),
                  optional(
                      "triage_date",
                      DATE,
                      "Date of triage assessment, where the person was assessed"),
                  optional(
                      "first_intervention_date",
                      DATE,
                      "Date the first structured intervention started, where one has"),
                  optional(
                      "discharge_date", DATE, "Date of discharge; null while the episode is open"),
                  optional(
                      "discharge_reason",
                      STRING,
                      "Why the episode closed (dim_discharge_reason); null while open"),
                  required("sex", STRING, "male, female or not_stated (dim_sex)"),
                  required("age_at_referral", INT, "Age in whole years at the referral date"),
                  required("age_band", STRING, "Band of age_at_referral (dim_age_band)"),
                  required("ethnicity", STRING, "Ethnic group (dim_ethnicity)"),
                  required("primary_substance", STRING, "Main problem substance (dim_substance)"),
                  optional(
                      "secondary_substance",
                      STRING,
                      "Second problem substance (dim_substance), where there is one"),
                  required("injecting", STRING, "Injecting status (dim_injecting)"),
                  required(
                      "referral_source", STRING, "Who referred the person (dim_referral_source)"),
                  required("modality", STRING, "Main treatment modality (dim_modality)"))),
          List.of("area_code", "financial_year", "client_ref", "referral_date"),
          List.of("area_code", "financial_year"),
          // One row per person's episode: admins only; analysts read the aggregates built from it.
          Role.ADMIN);

  public static final List<TableDef> ALL =
      List.of(PREVALENCE, TREATMENT, BULLSEYE, FUNDING, TARGET, INDICATOR, EPISODE);

  private static TableDef fact(
      String name, String description, List<Column> columns, List<String> key) {
    return new TableDef(name, Layer.GOLD, description, withProvenance(columns), key);
  }

  private static List<Column> withProvenance(List<Column> columns) {
    List<Column> all = new ArrayList<>(columns);
    all.addAll(PROVENANCE);
    return all;
  }
}
