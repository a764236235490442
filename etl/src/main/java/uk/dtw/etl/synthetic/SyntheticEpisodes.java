package uk.dtw.etl.synthetic;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import uk.dtw.model.reference.Area;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * One partnership's invented treatment episodes over a run of years: people referred through each
 * year, triaged within days, retained for months or years, discharged for the usual reasons, some
 * coming back. Demographics follow the plans: about 3:1 male, most aged 25-44, opiates the main
 * primary substance. Referrals start three years before the first written year (or when the
 * partnership was formed) so that its caseload includes people already in treatment, as a real
 * year's does.
 *
 * <p>Each episode is written once, in the file of the first written year it is open in, so no two
 * files give the same episode. Some partnerships write dates as 31/03/2009 and sex as M or F, as
 * systems do; the loader reads both.
 */
final class SyntheticEpisodes {
  private static final int WARM_UP_YEARS = 3;

  /** New episodes per year as a share of the year's caseload: the rest are carried over. */
  private static final double NEW_SHARE = 1 / 2.2;

  private static final String[] ETHNICITY = {
    "white_british",
    "white_irish",
    "white_other",
    "mixed",
    "asian",
    "black",
    "chinese_other",
    "not_stated"
  };
  private static final double[] ETHNICITY_P = {0.83, 0.02, 0.04, 0.03, 0.03, 0.02, 0.01, 0.02};
  private static final String[] SUBSTANCE = {
    "heroin",
    "methadone",
    "other_opiates",
    "crack",
    "cocaine",
    "cannabis",
    "amphetamines",
    "benzodiazepines",
    "other"
  };
  private static final double[] SUBSTANCE_P = {
    0.60, 0.03, 0.05, 0.07, 0.08, 0.10, 0.04, 0.02, 0.01
  };
  private static final String[] INJECTING = {"current", "previous", "never", "not_stated"};
  private static final double[] INJECTING_P = {0.25, 0.25, 0.45, 0.05};
  private static final String[] SOURCE = {
    "self", "criminal_justice", "gp", "drug_service", "health_other", "social_services", "other"
  };
  private static final double[] SOURCE_P = {0.40, 0.25, 0.12, 0.10, 0.05, 0.03, 0.05};
  private static final String[] MODALITY = {
    "prescribing",
    "psychosocial",
    "day_programme",
    "inpatient_detox",
    "residential_rehab",
    "other_structured"
  };
  private static final double[] OPIATE_MODALITY_P = {0.80, 0.10, 0.03, 0.03, 0.02, 0.02};
  private static final double[] OTHER_MODALITY_P = {0.05, 0.75, 0.08, 0.02, 0.03, 0.07};
  private static final String[] REASON = {
    "planned", "unplanned", "withdrawn", "custody", "referred_on", "transferred", "died"
  };
  private static final double[] SHORT_REASON_P = {0.15, 0.60, 0.04, 0.03, 0.10, 0.07, 0.01};
  private static final double[] LONG_REASON_P = {0.50, 0.30, 0.03, 0.02, 0.08, 0.06, 0.01};
  private static final int[] AGE_FROM = {18, 25, 35, 45, 55, 65};
  private static final double[] AGE_P = {0.10, 0.35, 0.33, 0.16, 0.05, 0.01};

  static final List<String> HEADER =
      List.of(
          "client_ref",
          "partnership",
          "referral_date",
          "triage_date",
          "first_intervention_date",
          "discharge_date",
          "discharge_reason",
          "sex",
          "age_at_referral",
          "ethnicity",
          "primary_substance",
          "secondary_substance",
          "injecting",
          "referral_source",
          "modality");

  private record Person(String ref, String sex, LocalDate born, String ethnicity) {}

  private final Area area;
  private final SplittableRandom random;
  private final boolean ukDates;
  private final boolean shortSex;

  SyntheticEpisodes(Area area, long seed) {
    this.area = area;
    this.random = new SplittableRandom(seed ^ area.code().hashCode() * 0xC2B2AE3D27D4EB4FL);
    this.ukDates = Math.floorMod(area.code().hashCode(), 3) == 0;
    this.shortSex = Math.floorMod(area.code().hashCode(), 4) == 1;
  }

  /**
   * The episodes to write per year from {@code from} to {@code to}, given each year's caseload;
   * episodes open after {@code to} ends are written with no discharge.
   */
  TreeMap<FinancialYear, List<List<Object>>> episodes(
      FinancialYear from,
      FinancialYear to,
      java.util.function.ToDoubleFunction<FinancialYear> caseload) {
    TreeMap<FinancialYear, List<List<Object>>> byYear = new TreeMap<>();
    for (FinancialYear y = from; y.compareTo(to) <= 0; y = y.next()) {
      byYear.put(y, new ArrayList<>());
    }
    LocalDate end = to.endDate();
    List<Person> people = new ArrayList<>();
    List<LocalDate> freeFrom = new ArrayList<>();
    FinancialYear first = new FinancialYear(from.startYear() - WARM_UP_YEARS);
    while (first.compareTo(from) < 0 && !area.validIn(first)) {
      first = first.next(); // a partnership formed in 2009 referred no one before it existed
    }
    for (FinancialYear y = first; y.compareTo(to) <= 0; y = y.next()) {
      FinancialYear year = y;
      double expected = caseload.applyAsDouble(year.compareTo(from) < 0 ? from : year) * NEW_SHARE;
      int referrals = (int) Math.round(expected * (0.95 + random.nextDouble() * 0.1));
      List<LocalDate> dates = new ArrayList<>();
      for (int i = 0; i < referrals; i++) {
        dates.add(year.startDate().plusDays(random.nextInt(365)));
      }
      dates.sort(null);
      for (LocalDate referral : dates) {
        int who = returning(freeFrom, referral);
        if (who < 0) {
          people.add(newPerson(people.size(), referral));
          freeFrom.add(referral);
          who = people.size() - 1;
        }
        List<Object> row = new ArrayList<>();
        boolean triaged = random.nextDouble() >= 0.03;
        LocalDate closes = episode(people.get(who), referral, triaged, end, row);
        // Someone never triaged did not start: they may be referred again a month later.
        freeFrom.set(
            who,
            !triaged ? referral.plusDays(30) : closes == null ? LocalDate.MAX : closes.plusDays(1));
        FinancialYear written =
            triaged || !referral.isBefore(from.startDate())
                ? firstOpenYear(referral, closes, from)
                : null;
        if (written != null && written.compareTo(to) <= 0) {
          byYear.get(written).add(row);
        }
      }
    }
    return byYear;
  }

  /** A person free to come back (their last episode closed before this referral), or -1. */
  private int returning(List<LocalDate> freeFrom, LocalDate referral) {
    if (freeFrom.isEmpty() || random.nextDouble() >= 0.25) {
      return -1;
    }
    for (int tries = 0; tries < 5; tries++) {
      int i = random.nextInt(freeFrom.size());
      if (freeFrom.get(i).isBefore(referral)) {
        return i;
      }
    }
    return -1;
  }

  private Person newPerson(int n, LocalDate referral) {
    int band = pick(AGE_P);
    int age =
        AGE_FROM[band]
            + random.nextInt(
                band == AGE_FROM.length - 1 ? 15 : AGE_FROM[band + 1] - AGE_FROM[band]);
    return new Person(
        area.code() + "-" + (100000 + n),
        random.nextDouble() < 0.745 ? "male" : random.nextDouble() < 0.98 ? "female" : "not_stated",
        referral.minusYears(age).minusDays(random.nextInt(365)),
        ETHNICITY[pick(ETHNICITY_P)]);
  }

  /** Fills one episode's cells; returns its discharge date, or null while it is open at the end. */
  private LocalDate episode(
      Person p, LocalDate referral, boolean triaged, LocalDate end, List<Object> row) {
    LocalDate triage = triaged ? referral.plusDays(geometric(7)) : null;
    LocalDate intervention =
        triaged && random.nextDouble() >= 0.04 ? triage.plusDays(geometric(12)) : null;
    LocalDate discharge = null;
    String reason = null;
    if (triaged) {
      long days = Math.round(-Math.log(1 - random.nextDouble()) * 420);
      discharge = triage.plusDays(days);
      reason = REASON[pick(days < 84 ? SHORT_REASON_P : LONG_REASON_P)];
      if (discharge.isAfter(end)) {
        discharge = null;
        reason = null;
      }
    }
    int substance = pick(SUBSTANCE_P);
    boolean opiate = substance <= 2;
    String secondary =
        random.nextDouble() < 0.4
            ? ""
            : SUBSTANCE[opiate && random.nextDouble() < 0.6 ? 3 : pick(SUBSTANCE_P)];
    if (secondary.equals(SUBSTANCE[substance])) {
      secondary = "";
    }
    row.add(p.ref());
    row.add(area.name());
    row.add(date(referral));
    row.add(date(triage));
    row.add(date(intervention));
    row.add(date(discharge));
    row.add(reason == null ? "" : reason);
    row.add(
        shortSex && !p.sex().equals("not_stated")
            ? p.sex().substring(0, 1).toUpperCase()
            : p.sex());
    row.add(String.valueOf(java.time.Period.between(p.born(), referral).getYears()));
    row.add(p.ethnicity());
    row.add(SUBSTANCE[substance]);
    row.add(secondary);
    row.add(INJECTING[pick(INJECTING_P)]);
    row.add(SOURCE[pick(SOURCE_P)]);
    row.add(MODALITY[pick(opiate ? OPIATE_MODALITY_P : OTHER_MODALITY_P)]);
    return discharge;
  }

  /** The first year from {@code from} the episode is open in (untriaged ones: their referral's). */
  private static FinancialYear firstOpenYear(
      LocalDate referral, LocalDate closes, FinancialYear from) {
    FinancialYear year = FinancialYear.containing(referral);
    if (year.compareTo(from) >= 0) {
      return year;
    }
    if (closes != null && closes.isBefore(from.startDate())) {
      return null; // over before the written years begin
    }
    return from;
  }

  private String date(LocalDate d) {
    if (d == null) {
      return "";
    }
    return ukDates ? d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")) : d.toString();
  }

  private int geometric(double mean) {
    return (int) Math.floor(-Math.log(1 - random.nextDouble()) * mean);
  }

  private int pick(double[] p) {
    double u = random.nextDouble();
    for (int i = 0; i < p.length - 1; i++) {
      u -= p[i];
      if (u < 0) {
        return i;
      }
    }
    return p.length - 1;
  }
}
