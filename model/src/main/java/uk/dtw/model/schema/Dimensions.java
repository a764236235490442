package uk.dtw.model.schema;

import static uk.dtw.model.schema.Column.optional;
import static uk.dtw.model.schema.Column.required;
import static uk.dtw.model.schema.ColumnType.BOOLEAN;
import static uk.dtw.model.schema.ColumnType.DATE;
import static uk.dtw.model.schema.ColumnType.DOUBLE;
import static uk.dtw.model.schema.ColumnType.INT;
import static uk.dtw.model.schema.ColumnType.STRING;

import java.util.List;

/**
 * The conformed dimensions: areas and their aliases, periods, drug and client groups, funding
 * sources, measures.
 */
public final class Dimensions {
  private Dimensions() {}

  public static final TableDef AREA =
      new TableDef(
          "dim_area",
          Layer.GOLD,
          "Partnerships (one per upper-tier authority, 2008-2011), the nine regions and England, with validity periods.",
          List.of(
              required(
                  "area_code",
                  STRING,
                  "ONS code: 2003 county code (e.g. 24) or unitary code (e.g. 00MR) for partnerships; GSS code for regions and England"),
              required("area_name", STRING, "Canonical name, e.g. Hampshire"),
              required("area_level", STRING, "partnership, region or country"),
              optional(
                  "region_code",
                  STRING,
                  "GSS code of the region the area lies in; null for England"),
              optional(
                  "region_name", STRING, "Name of the region the area lies in; null for England"),
              required(
                  "valid_from",
                  DATE,
                  "First day the area existed as a partnership (2008-04-01 for the start of the covered range)"),
              optional(
                  "valid_to",
                  DATE,
                  "Last day the area existed (e.g. 2009-03-31 for Cheshire and Bedfordshire); null while current"),
              optional(
                  "successor_codes",
                  STRING,
                  "Comma-separated codes of the areas that replaced it in a reorganisation"),
              optional(
                  "district_codes",
                  STRING,
                  "Comma-separated 2003 codes of the local authority districts it covers")),
          List.of("area_code"));

  public static final TableDef AREA_ALIAS =
      new TableDef(
          "dim_area_alias",
          Layer.GOLD,
          "Every name an area is known by in extracts, normalised for matching (lower case, '&' as 'and', no punctuation).",
          List.of(
              required(
                  "alias_key",
                  STRING,
                  "The normalised name used for matching, e.g. windsor and maidenhead"),
              required(
                  "alias",
                  STRING,
                  "The name as people write it, e.g. Windsor & Maidenhead or HDAAT"),
              required("area_code", STRING, "The area the name refers to")),
          List.of("alias_key"));

  public static final TableDef PERIOD =
      new TableDef(
          "dim_period",
          Layer.GOLD,
          "Financial years, April to March, written 2008-09.",
          List.of(
              required("financial_year", STRING, "Financial year as 2008-09"),
              required("start_year", INT, "Calendar year the period starts in, e.g. 2008"),
              required("start_date", DATE, "1 April of start_year"),
              required("end_date", DATE, "31 March of the following year"),
              required("previous_year", STRING, "The financial year before, e.g. 2007-08")),
          List.of("financial_year"));

  public static final TableDef DRUG_GROUP =
      new TableDef(
          "dim_drug_group",
          Layer.GOLD,
          "Groups of drug users that prevalence estimates and the Bull's eye are given for.",
          List.of(
              required("drug_group", STRING, "Code: pdu, opiate, crack or injecting"),
              required("name", STRING, "Name as the plans print it"),
              required("description", STRING, "Who is counted")),
          List.of("drug_group"));

  public static final TableDef CLIENT_GROUP =
      new TableDef(
          "dim_client_group",
          Layer.GOLD,
          "Groups of clients that treatment counts are given for.",
          List.of(
              required("client_group", STRING, "Code: pdu or all_adults"),
              required("name", STRING, "Name as the plans print it"),
              required("description", STRING, "Who is counted")),
          List.of("client_group"));

  public static final TableDef FUNDING_SOURCE =
      new TableDef(
          "dim_funding_source",
          Layer.GOLD,
          "Sources of adult drug treatment funding, in the order the funding profile prints them.",
          List.of(
              required("source_code", STRING, "Code, e.g. pooled_treatment_budget"),
              required("source_name", STRING, "Name as the funding profile prints it"),
              required("sort_order", INT, "Position in the printed profile"),
              required(
                  "is_reported_total",
                  BOOLEAN,
                  "True for the line that carries the total the partnership printed")),
          List.of("source_code"));

  public static final TableDef MEASURE =
      new TableDef(
          "dim_measure",
          Layer.GOLD,
          "Every figure an extract can report, by subject, with its unit.",
          List.of(
              required(
                  "subject",
                  STRING,
                  "The fact table the measure lives in: prevalence, treatment, bullseye, target"),
              required("measure_code", STRING, "Code, e.g. in_effective_treatment"),
              required("name", STRING, "What the figure is"),
              required("unit", STRING, "people, per 1,000 aged 15-64, GBP, percent"),
              required(
                  "from_record_level",
                  BOOLEAN,
                  "True for counts made from record-level data (suppressed under 5 in public output)")),
          List.of("subject", "measure_code"));

  /**
   * Loaded from indicator extracts, not from reference data: analysts define their own indicators.
   */
  public static final TableDef INDICATOR =
      new TableDef(
          "dim_indicator",
          Layer.GOLD,
          "Indicators loaded from tidy indicator extracts, with how to read and rank them.",
          List.of(
              required(
                  "indicator_code",
                  STRING,
                  "Code, e.g. drug_deaths_per_100k: the indicator column of the extract, normalised"),
              required(
                  "name",
                  STRING,
                  "Name as the extract gives it, e.g. Drug-related deaths per 100,000"),
              required(
                  "unit", STRING, "Unit of the value, e.g. per 100,000 population, percent, count"),
              required(
                  "polarity",
                  STRING,
                  "high_is_good, low_is_good or not_applicable: decides ranking direction"),
              required(
                  "multiplier",
                  DOUBLE,
                  "What numerator/denominator is multiplied by to give the value (100000 for per 100,000; 100 for percent; 1 for a ratio)"),
              required(
                  "method",
                  STRING,
                  "How a value and interval are computed where only numerator and denominator are given: byar (rates) or wilson (proportions)"),
              required("load_id", STRING, "The load that last defined the indicator"),
              required("source_file", STRING, "The extract that last defined it"),
              required("source_row", INT, "Row of that extract")),
          List.of("indicator_code"));

  // The dimensions of the record-level episodes; their codes are what docs/extracts.md lists.

  public static final TableDef DATE_DAY =
      new TableDef(
          "dim_date",
          Layer.GOLD,
          "Every day of the financial years dim_period lists, with the periods it falls in.",
          List.of(
              required("day", DATE, "The date"),
              required("financial_year", STRING, "Financial year as 2008-09"),
              required("calendar_year", INT, "Calendar year"),
              required("month_start", DATE, "First day of the month"),
              required("financial_quarter", INT, "1 for April-June ... 4 for January-March")),
          List.of("day"));

  public static final TableDef AGE_BAND =
      coded(
          "dim_age_band",
          "Age bands at referral, as NDTMS publishes them.",
          "age_band",
          "Code, e.g. 25-34",
          List.of(
              required("from_age", INT, "Youngest age in the band"),
              optional("to_age", INT, "Oldest age in the band; null for the open top band"),
              required("sort_order", INT, "Position in printed tables")));

  public static final TableDef SEX =
      coded(
          "dim_sex", "Sex as recorded at triage.", "sex", "male, female or not_stated", List.of());

  public static final TableDef ETHNICITY =
      coded(
          "dim_ethnicity",
          "Ethnic groups, the 2001 census's broad groups.",
          "ethnicity",
          "Code, e.g. white_british",
          List.of());

  public static final TableDef SUBSTANCE =
      coded(
          "dim_substance",
          "Problem substances, with the drug group they count towards.",
          "substance",
          "Code, e.g. heroin",
          List.of(
              required(
                  "substance_group",
                  STRING,
                  "opiate, crack, other_stimulant, cannabis, alcohol or other"),
              required(
                  "is_problem_drug",
                  BOOLEAN,
                  "True for opiates and crack: an episode with one as primary or secondary substance is a PDU's")));

  public static final TableDef INJECTING =
      coded(
          "dim_injecting",
          "Injecting status at triage.",
          "injecting",
          "current, previous, never or not_stated",
          List.of());

  public static final TableDef REFERRAL_SOURCE =
      coded(
          "dim_referral_source",
          "Who referred the person to treatment.",
          "referral_source",
          "Code, e.g. self",
          List.of());

  public static final TableDef DISCHARGE_REASON =
      coded(
          "dim_discharge_reason",
          "Why an episode closed, and whether that is an exit from treatment.",
          "discharge_reason",
          "planned, unplanned, referred_on, transferred or died",
          List.of(
              required(
                  "exit_type",
                  STRING,
                  "planned, unplanned or other (a referral or transfer continues treatment elsewhere)")));

  public static final TableDef MODALITY =
      coded(
          "dim_modality",
          "Main structured treatment modality of the episode.",
          "modality",
          "Code, e.g. prescribing",
          List.of());

  /** The dimensions of episodes, each listed in dim_*.csv beside the others. */
  public static final List<TableDef> EPISODE_CODED =
      List.of(
          AGE_BAND,
          SEX,
          ETHNICITY,
          SUBSTANCE,
          INJECTING,
          REFERRAL_SOURCE,
          DISCHARGE_REASON,
          MODALITY);

  public static final List<TableDef> ALL;

  static {
    List<TableDef> all =
        new java.util.ArrayList<>(
            List.of(
                AREA,
                AREA_ALIAS,
                PERIOD,
                DRUG_GROUP,
                CLIENT_GROUP,
                FUNDING_SOURCE,
                MEASURE,
                DATE_DAY));
    all.addAll(EPISODE_CODED);
    ALL = List.copyOf(all);
  }

  /** A small coded dimension: its code, the name tables print, then its own columns. */
  private static TableDef coded(
      String name, String description, String code, String codeDescription, List<Column> more) {
    List<Column> columns = new java.util.ArrayList<>();
    columns.add(required(code, STRING, codeDescription));
    columns.add(required("name", STRING, "Name as tables print it"));
    columns.addAll(more);
    return new TableDef(name, Layer.GOLD, description, columns, List.of(code));
  }
}
