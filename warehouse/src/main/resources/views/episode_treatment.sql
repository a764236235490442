-- Measures from record-level episodes (episode_counts), per partnership and financial year, with
-- the effective share. A row for every partnership of the year, so one with no episodes shows as
-- left out; counts are null where no episodes were sent.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  c.people_in_treatment, c.people_in_effective_treatment, c.people_new_to_treatment,
  c.planned_exits, c.unplanned_exits,
  CASE WHEN c.people_in_treatment > 0
    THEN 100.0 * c.people_in_effective_treatment / c.people_in_treatment END AS effective_pct,
  c.pdus_in_treatment_episodes, c.pdus_in_effective_treatment_episodes
FROM partnership_period k
LEFT JOIN episode_counts c ON c.area_code = k.area_code AND c.financial_year = k.financial_year
