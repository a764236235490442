-- Effective treatment is a subset of treatment: more people in effective treatment than in
-- treatment for the same partnership, year and client group is impossible as reported.
SELECT e.source_file, e.source_row, a.area_name, e.financial_year,
  concat(format_number(e.figure, 0), ' ', e.client_group, ' in effective treatment is more than the ',
         format_number(t.figure, 0), ' in treatment (', t.source_file, ' row ', CAST(t.source_row AS STRING), ')') AS message
FROM fact_treatment e
JOIN fact_treatment t ON t.area_code = e.area_code AND t.financial_year = e.financial_year
  AND t.client_group = e.client_group AND t.measure_code = 'in_treatment'
JOIN dim_area a ON a.area_code = e.area_code
WHERE e.measure_code = 'in_effective_treatment' AND e.figure > t.figure
  AND (e.is_new OR t.is_new)
