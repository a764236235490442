package uk.dtw.etl.rules;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every data-quality rule the ETL applies, each with its code (as quarantine_row and the load
 * report write it), its severity and one sentence for the people who prepare extracts. The rule
 * table in docs/extracts.md is checked against this list.
 */
public enum Rule {
  CSV_SYNTAX(
      Severity.ERROR,
      "The file's bytes must read as cells: a broken quote, an unreadable header or an unreadable workbook or sheet holds back what cannot be read."),
  REQUIRED_COLUMNS(
      Severity.ERROR,
      "The header must have every column its kind requires, unless the folder or the file name gives the partnership or the period."),
  LAYOUT(
      Severity.ERROR,
      "A table with years across must have one column per year (per area), a column naming each row, and a partnership column or folder."),
  DERIVED_CHECK(
      Severity.ERROR,
      "A printed change, penetration or baseline remark must follow, within rounding, from the figures it was worked out from."),
  KNOWN_PARTNERSHIP(
      Severity.ERROR,
      "The partnership or area must be a known partnership, region or England, by any of its names."),
  AREA_VALID_IN_PERIOD(
      Severity.ERROR, "The area must have existed as a partnership during the row's period."),
  PERIOD_FORMAT(
      Severity.ERROR,
      "The period must read as a financial year (an indicator may also give a calendar year); an ambiguous slip is not guessed at."),
  DATE_FORMAT(
      Severity.ERROR,
      "A date must be written as 2009-03-31, 31/03/2009, 31.03.2009, 31-03-2009 or 31 Mar 2009."),
  NUMBER(
      Severity.ERROR,
      "A figure must be blank or a number (pound signs, thousands separators and a trailing % are allowed); an indicator's multiplier cannot be 0."),
  NON_NEGATIVE(
      Severity.ERROR,
      "Counts, estimates, rates, denominators and funding amounts cannot be negative."),
  KNOWN_GROUP(
      Severity.ERROR,
      "The drug group or client group must be one of its codes, its printed name or a word the alias table knows."),
  KNOWN_SOURCE(
      Severity.ERROR,
      "The funding source must be one of its codes, its printed name or a word the alias table knows."),
  KNOWN_MEASURE(
      Severity.ERROR, "A target's measure must be one that dim_measure lists as a target."),
  KNOWN_KIND(Severity.ERROR, "A target row's kind must be baseline or target."),
  INTERVAL_CONTAINS_ESTIMATE(
      Severity.ERROR,
      "A prevalence estimate's 95% interval must contain the estimate, lower bound first."),
  INTERVAL_CONTAINS_VALUE(Severity.ERROR, "An indicator's 95% interval must contain its value."),
  INDICATOR_CODE(Severity.ERROR, "Every indicator row must name its indicator."),
  INDICATOR_DEFINITION(
      Severity.ERROR,
      "Each indicator must be defined completely (name, unit, polarity) at least once per file, and the same way every time."),
  KNOWN_POLARITY(
      Severity.ERROR,
      "An indicator's polarity must be high_is_good, low_is_good or not_applicable, or a spelling of them."),
  KNOWN_METHOD(
      Severity.ERROR, "An indicator's interval method, when given, must be byar or wilson."),
  VALUE_OR_COUNT_AND_DENOMINATOR(
      Severity.ERROR, "An indicator row needs a value, or a count together with its denominator."),
  EPISODE_CLIENT_REF(
      Severity.ERROR,
      "Every episode must carry the partnership's reference for the person (client_ref)."),
  EPISODE_CODE(
      Severity.ERROR,
      "An episode's sex, ethnicity, substances, injecting status, referral source, discharge reason and modality must each be one of its codes, its printed name or a word the alias table knows."),
  EPISODE_AGE(
      Severity.ERROR,
      "An episode's age at referral must be a whole number of years from 10 to 100."),
  EPISODE_DATE_ORDER(
      Severity.ERROR,
      "An episode's dates must run in order: referral, then triage, then first intervention, and discharge on or after referral and triage."),
  EPISODE_DISCHARGE(
      Severity.ERROR,
      "A discharge date needs a discharge reason and a reason needs its date; a blank pair is an open episode."),
  EPISODE_PARTNERSHIP(
      Severity.ERROR, "An episode belongs to a partnership, not to a region or England."),
  DUPLICATE_KEY(
      Severity.ERROR,
      "One file must not give the same key two different figures; both rows are held back."),
  PERIOD_CORRECTED(
      Severity.WARNING,
      "A period with one stray keystroke was read as the only financial year that fits; check it."),
  REMARK_NOT_LOADED(
      Severity.WARNING, "A remark in brackets after a figure was dropped; only the figure loads."),
  DERIVED_COLUMN(
      Severity.WARNING,
      "A column the warehouse works out itself (a penetration, a change) is checked against its figures, not loaded."),
  NOT_LOADED(
      Severity.WARNING,
      "A column the warehouse deliberately does not load (a printed ranking) was found."),
  UNKNOWN_COLUMN(
      Severity.WARNING,
      "A header the loader does not know for this kind of extract is reported and not loaded."),
  ENCODING(
      Severity.WARNING,
      "The file is not UTF-8 and was read as Windows-1252, as Excel saves CSV on Windows."),
  DELIMITER(
      Severity.WARNING, "The cells are separated by semicolons or tabs, and were read that way."),
  FUNDING_TOTAL_DIFFERS(
      Severity.FINDING,
      "A printed funding total differs from the sum of its lines; both stay as reported."),
  BULLSEYE_RINGS_DIFFER_FROM_ESTIMATE(
      Severity.FINDING,
      "A Bull's eye's four rings do not add up to that year's prevalence estimate."),
  EFFECTIVE_EXCEEDS_IN_TREATMENT(
      Severity.FINDING,
      "More people are reported in effective treatment than in treatment for the same area, year and client group.");

  private final Severity severity;
  private final String description;

  Rule(Severity severity, String description) {
    this.severity = severity;
    this.description = description;
  }

  /** The code as stored and reported: {@code known_partnership}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public Severity severity() {
    return severity;
  }

  public String description() {
    return description;
  }

  public static Optional<Rule> of(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }
}
