-- One row per person in treatment at a partnership in a financial year: a person is counted once,
-- however many episodes they had open in it. Each flag is true when any of their open episodes
-- has it; new_to_treatment when their first triage at the partnership falls in the year.
SELECT y.area_code, y.financial_year, y.client_ref,
  MAX(CASE WHEN y.is_pdu THEN 1 ELSE 0 END) = 1 AS is_pdu,
  MAX(CASE WHEN y.effective THEN 1 ELSE 0 END) = 1 AS effective,
  MAX(CASE WHEN y.exit_type = 'planned' THEN 1 ELSE 0 END) = 1 AS planned_exit,
  MAX(CASE WHEN y.exit_type = 'unplanned' THEN 1 ELSE 0 END) = 1 AS unplanned_exit,
  MIN(f.first_triage) >= MIN(p.start_date) AS new_to_treatment
FROM episode_year y
JOIN dim_period p ON p.financial_year = y.financial_year
JOIN (SELECT area_code, client_ref, MIN(triage_date) AS first_triage
      FROM fact_episode GROUP BY area_code, client_ref) f
  ON f.area_code = y.area_code AND f.client_ref = y.client_ref
GROUP BY y.area_code, y.financial_year, y.client_ref
