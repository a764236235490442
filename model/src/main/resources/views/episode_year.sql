-- Every treatment episode once for each financial year it is open in: triaged on or before the
-- year's last day, and not discharged or discharged on or after its first day. Only the years a
-- partnership sent an episodes extract for count (extract_year): an episode referred in 2004-05
-- and still open in the first year sent says nothing complete about 2004-05. Each row carries what the measures count:
--   is_pdu     the primary or secondary substance is an opiate or crack (dim_substance);
--   effective  retained 84 days or more from triage up to its discharge or the year's end, or
--              discharged as planned within the year;
--   exit_type  planned or unplanned when the episode was discharged within the year, else null.
SELECT e.area_code, p.financial_year, e.client_ref, e.referral_date, e.triage_date,
  e.first_intervention_date, e.discharge_date, e.discharge_reason, e.sex, e.age_band, e.ethnicity,
  e.primary_substance, e.secondary_substance, e.injecting, e.referral_source, e.modality,
  (s1.is_problem_drug OR COALESCE(s2.is_problem_drug, FALSE)) AS is_pdu,
  (CASE WHEN e.discharge_date IS NOT NULL AND e.discharge_date < p.end_date
      THEN e.discharge_date ELSE p.end_date END >= e.triage_date + INTERVAL '84' DAY
    OR (e.discharge_date <= p.end_date AND r.exit_type = 'planned')) AS effective,
  CASE WHEN e.discharge_date <= p.end_date AND r.exit_type IN ('planned', 'unplanned')
    THEN r.exit_type END AS exit_type
FROM fact_episode e
JOIN dim_period p
  ON e.triage_date <= p.end_date AND (e.discharge_date IS NULL OR e.discharge_date >= p.start_date)
JOIN dim_substance s1 ON s1.substance = e.primary_substance
LEFT JOIN dim_substance s2 ON s2.substance = e.secondary_substance
LEFT JOIN dim_discharge_reason r ON r.discharge_reason = e.discharge_reason
JOIN episode_coverage c ON c.area_code = e.area_code AND c.extract_year = p.financial_year
