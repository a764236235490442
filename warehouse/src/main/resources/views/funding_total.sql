-- Total funding per area and financial year: the sum of the source lines beside the total the
-- partnership printed, their difference (reported - computed, a finding, never "fixed"),
-- and the year-on-year change of the computed total.
SELECT cur.area_code, cur.area_name, cur.financial_year, cur.computed_total_gbp, cur.reported_total_gbp,
  cur.reported_total_gbp - cur.computed_total_gbp AS difference_gbp,
  p.previous_year, last_year.computed_total_gbp AS previous_computed_total_gbp,
  CASE WHEN last_year.computed_total_gbp > 0
    THEN 100.0 * (cur.computed_total_gbp - last_year.computed_total_gbp) / last_year.computed_total_gbp
  END AS change_pct
FROM (
  SELECT f.area_code, a.area_name, f.financial_year,
    SUM(CASE WHEN NOT s.is_reported_total THEN f.amount_gbp END) AS computed_total_gbp,
    MAX(CASE WHEN s.is_reported_total THEN f.amount_gbp END) AS reported_total_gbp
  FROM fact_funding f
  JOIN dim_area a ON a.area_code = f.area_code
  JOIN dim_funding_source s ON s.source_code = f.source_code
  GROUP BY f.area_code, a.area_name, f.financial_year
) cur
JOIN dim_period p ON p.financial_year = cur.financial_year
LEFT JOIN (
  SELECT f.area_code, f.financial_year, SUM(f.amount_gbp) AS computed_total_gbp
  FROM fact_funding f
  JOIN dim_funding_source s ON s.source_code = f.source_code
  WHERE NOT s.is_reported_total
  GROUP BY f.area_code, f.financial_year
) last_year ON last_year.area_code = cur.area_code AND last_year.financial_year = p.previous_year
