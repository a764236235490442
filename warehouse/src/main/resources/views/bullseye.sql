-- The Bull's eye: the four rings per area, date and drug group; rings_total should equal the estimate.
SELECT f.area_code, a.area_name, f.as_at, f.drug_group,
  MAX(CASE WHEN f.measure_code = 'in_treatment' THEN f.figure END) AS in_treatment,
  MAX(CASE WHEN f.measure_code = 'treated_last_12_months' THEN f.figure END) AS treated_last_12_months,
  MAX(CASE WHEN f.measure_code = 'known_to_treatment' THEN f.figure END) AS known_to_treatment,
  MAX(CASE WHEN f.measure_code = 'treatment_naive' THEN f.figure END) AS treatment_naive,
  MAX(CASE WHEN f.measure_code = 'in_treatment' THEN f.figure END)
    + MAX(CASE WHEN f.measure_code = 'treated_last_12_months' THEN f.figure END)
    + MAX(CASE WHEN f.measure_code = 'known_to_treatment' THEN f.figure END)
    + MAX(CASE WHEN f.measure_code = 'treatment_naive' THEN f.figure END) AS rings_total
FROM fact_bullseye f
JOIN dim_area a ON a.area_code = f.area_code
GROUP BY f.area_code, a.area_name, f.as_at, f.drug_group
