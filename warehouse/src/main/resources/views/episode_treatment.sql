-- Measures from record-level episodes, per partnership and financial year (people, each once):
-- in treatment, in effective treatment, new to treatment, leaving as planned or unplanned, and
-- the same for problem drug users (opiates and/or crack). A row for every partnership of the
-- year, so one with no episodes shows as left out; counts are null where no episodes were sent.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  c.people_in_treatment, c.people_in_effective_treatment, c.people_new_to_treatment,
  c.planned_exits, c.unplanned_exits,
  CASE WHEN c.people_in_treatment > 0
    THEN 100.0 * c.people_in_effective_treatment / c.people_in_treatment END AS effective_pct,
  c.pdus_in_treatment_episodes, c.pdus_in_effective_treatment_episodes
FROM partnership_period k
LEFT JOIN (
  SELECT area_code, financial_year,
    COUNT(*) AS people_in_treatment,
    SUM(CASE WHEN effective THEN 1 ELSE 0 END) AS people_in_effective_treatment,
    SUM(CASE WHEN new_to_treatment THEN 1 ELSE 0 END) AS people_new_to_treatment,
    SUM(CASE WHEN planned_exit THEN 1 ELSE 0 END) AS planned_exits,
    SUM(CASE WHEN unplanned_exit THEN 1 ELSE 0 END) AS unplanned_exits,
    SUM(CASE WHEN is_pdu THEN 1 ELSE 0 END) AS pdus_in_treatment_episodes,
    SUM(CASE WHEN is_pdu AND effective THEN 1 ELSE 0 END) AS pdus_in_effective_treatment_episodes
  FROM episode_person_year
  GROUP BY area_code, financial_year) c
  ON c.area_code = k.area_code AND c.financial_year = k.financial_year
