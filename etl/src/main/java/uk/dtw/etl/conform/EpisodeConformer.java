package uk.dtw.etl.conform;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.reference.AgeBands;
import uk.dtw.model.reference.Area;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * Conforms one treatment episode: its partnership, its dates in order, its coded values through the
 * one alias table, its age into a band. The financial year is the referral's.
 */
final class EpisodeConformer extends RowConformer {
  /** Coded cells and the coded column whose codes they take. */
  private static final Map<String, String> CODED =
      orderedMap(
          "sex", "sex",
          "ethnicity", "ethnicity",
          "primary_substance", "substance",
          "injecting", "injecting",
          "referral_source", "referral_source",
          "modality", "modality");

  @Override
  public List<String> requiredColumns() {
    return List.of(
        "client_ref",
        "partnership",
        "referral_date",
        "sex",
        "age_at_referral",
        "ethnicity",
        "primary_substance",
        "injecting",
        "referral_source",
        "modality");
  }

  @Override
  public List<String> knownColumns() {
    List<String> all = new java.util.ArrayList<>(requiredColumns());
    all.addAll(
        List.of(
            "triage_date",
            "first_intervention_date",
            "discharge_date",
            "discharge_reason",
            "secondary_substance"));
    return all;
  }

  @Override
  void conform(Cells cells, RowResult result) {
    if (cells.blank("client_ref")) {
      result.problem(
          "client_ref",
          Rule.EPISODE_CLIENT_REF,
          "no client_ref; every episode needs the person's reference");
    }
    Optional<Area> area = cells.area("partnership", Reference.areas());
    if (area.isPresent() && area.get().level() != Area.Level.PARTNERSHIP) {
      result.problem(
          "partnership",
          Rule.EPISODE_PARTNERSHIP,
          area.get().name()
              + " is a "
              + area.get().level().code()
              + "; episodes belong to a partnership");
    }
    Optional<LocalDate> referral = cells.date("referral_date");
    Optional<LocalDate> triage = cells.optionalDate("triage_date");
    Optional<LocalDate> intervention = cells.optionalDate("first_intervention_date");
    Optional<LocalDate> discharge = cells.optionalDate("discharge_date");
    Optional<FinancialYear> year = referral.map(FinancialYear::containing);
    if (area.isPresent() && year.isPresent() && area.get().level() == Area.Level.PARTNERSHIP) {
      cells.validIn("partnership", area.get(), year.get());
    }
    checkOrder(result, "triage_date", referral, "referral_date", triage);
    checkOrder(
        result,
        "first_intervention_date",
        triage.or(() -> referral),
        triage.isPresent() ? "triage_date" : "referral_date",
        intervention);
    checkOrder(
        result,
        "discharge_date",
        triage.or(() -> referral),
        triage.isPresent() ? "triage_date" : "referral_date",
        discharge);

    Map<String, Object> episode = new LinkedHashMap<>();
    CODED.forEach(
        (cell, coded) ->
            cells.code(cell, coded, Rule.EPISODE_CODE).ifPresent(c -> episode.put(cell, c)));
    if (!cells.blank("secondary_substance")) {
      cells
          .code("secondary_substance", "substance", Rule.EPISODE_CODE)
          .ifPresent(c -> episode.put("secondary_substance", c));
    }
    if (cells.blank("discharge_date") != cells.blank("discharge_reason")) {
      result.problem(
          cells.blank("discharge_reason") ? "discharge_reason" : "discharge_date",
          Rule.EPISODE_DISCHARGE,
          cells.blank("discharge_reason")
              ? "discharged on " + cells.text("discharge_date") + " with no discharge reason"
              : "discharge reason '" + cells.text("discharge_reason") + "' with no discharge date");
    } else if (!cells.blank("discharge_reason")) {
      cells
          .code("discharge_reason", Rule.EPISODE_CODE)
          .ifPresent(c -> episode.put("discharge_reason", c));
    }
    Optional<Integer> age = age(cells, result);
    if (result.quarantined() || area.isEmpty() || referral.isEmpty() || age.isEmpty()) {
      return;
    }
    episode.put("area_code", area.get().code());
    episode.put("financial_year", year.get().toString());
    episode.put("client_ref", cells.text("client_ref"));
    episode.put("referral_date", Date.valueOf(referral.get()));
    triage.ifPresent(d -> episode.put("triage_date", Date.valueOf(d)));
    intervention.ifPresent(d -> episode.put("first_intervention_date", Date.valueOf(d)));
    discharge.ifPresent(d -> episode.put("discharge_date", Date.valueOf(d)));
    episode.put("age_at_referral", age.get());
    episode.put("age_band", AgeBands.of(age.get()));
    result.figure(episode);
  }

  private static Optional<Integer> age(Cells cells, RowResult result) {
    String text = cells.text("age_at_referral");
    try {
      int age = Integer.parseInt(text);
      if (age >= 10 && age <= 100) {
        return Optional.of(age);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    result.problem(
        "age_at_referral",
        Rule.EPISODE_AGE,
        "'" + text + "' is not an age; expected whole years from 10 to 100");
    return Optional.empty();
  }

  /** {@code later} must not fall before {@code earlier}; both may be absent. */
  private static void checkOrder(
      RowResult result,
      String laterColumn,
      Optional<LocalDate> earlier,
      String earlierColumn,
      Optional<LocalDate> later) {
    if (earlier.isPresent() && later.isPresent() && later.get().isBefore(earlier.get())) {
      result.problem(
          laterColumn,
          Rule.EPISODE_DATE_ORDER,
          laterColumn + " " + later.get() + " is before " + earlierColumn + " " + earlier.get());
    }
  }

  private static Map<String, String> orderedMap(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
