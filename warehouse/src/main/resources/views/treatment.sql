-- Numbers in treatment, one row per area, financial year and client group, as reported.
SELECT f.area_code, a.area_name, a.area_level, a.region_name AS region, f.financial_year, f.client_group,
  MAX(CASE WHEN f.measure_code = 'in_treatment' THEN f.figure END) AS in_treatment,
  MAX(CASE WHEN f.measure_code = 'in_effective_treatment' THEN f.figure END) AS in_effective_treatment,
  MAX(CASE WHEN f.measure_code = 'new_presentations' THEN f.figure END) AS new_presentations,
  MAX(CASE WHEN f.measure_code = 'planned_exits' THEN f.figure END) AS planned_exits,
  MAX(CASE WHEN f.measure_code = 'unplanned_exits' THEN f.figure END) AS unplanned_exits,
  MAX(CASE WHEN f.measure_code = 'referred_on' THEN f.figure END) AS referred_on
FROM fact_treatment f
JOIN dim_area a ON a.area_code = f.area_code
GROUP BY f.area_code, a.area_name, a.area_level, a.region_name, f.financial_year, f.client_group
