-- The total a partnership printed differs from the sum of its funding lines, as the shared
-- funding_difference view defines it. A finding to report: both figures stay as reported.
SELECT t.source_file, t.source_row, a.area_name, t.financial_year,
  concat('the printed total ', format_number(d.reported_total_gbp, 0),
         ' differs from the sum of its lines ', format_number(d.computed_total_gbp, 0),
         ' by ', format_number(d.difference_gbp, 0),
         ' (both kept as reported; see the funding_total view)') AS message
FROM funding_difference d
JOIN fact_funding t ON t.area_code = d.area_code AND t.financial_year = d.financial_year
JOIN dim_funding_source s ON s.source_code = t.source_code AND s.is_reported_total
JOIN dim_area a ON a.area_code = d.area_code
WHERE NOT d.total_matches
  AND EXISTS (SELECT 1 FROM fact_funding n
              WHERE n.is_new AND n.area_code = d.area_code AND n.financial_year = d.financial_year)
