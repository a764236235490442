-- Baselines and targets as agreed, with the area's name.
SELECT f.area_code, a.area_name, f.measure_code, f.financial_year, f.kind, f.figure AS target_value
FROM fact_target f
JOIN dim_area a ON a.area_code = f.area_code
