-- Prevalence estimates, one row per area, financial year and drug group, as reported.
SELECT f.area_code, a.area_name, a.area_level, a.region_name AS region, f.financial_year, f.drug_group,
  MAX(CASE WHEN f.measure_code = 'estimate' THEN f.figure END) AS estimate,
  MAX(CASE WHEN f.measure_code = 'lower_95' THEN f.figure END) AS lower_95,
  MAX(CASE WHEN f.measure_code = 'upper_95' THEN f.figure END) AS upper_95,
  MAX(CASE WHEN f.measure_code = 'rate_per_1000' THEN f.figure END) AS rate_per_1000
FROM fact_prevalence f
JOIN dim_area a ON a.area_code = f.area_code
GROUP BY f.area_code, a.area_name, a.area_level, a.region_name, f.financial_year, f.drug_group
