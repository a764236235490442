-- Total funding per area and financial year: the sum of the source lines beside the total the
-- partnership printed, their difference and whether they agree (as funding_difference defines it),
-- and the year-on-year change of the computed total.
SELECT cur.area_code, cur.area_name, cur.financial_year, cur.computed_total_gbp, cur.reported_total_gbp,
  cur.reported_total_gbp - cur.computed_total_gbp AS difference_gbp, cur.total_matches,
  p.previous_year, last_year.computed_total_gbp AS previous_computed_total_gbp,
  CASE WHEN last_year.computed_total_gbp > 0
    THEN 100.0 * (cur.computed_total_gbp - last_year.computed_total_gbp) / last_year.computed_total_gbp
  END AS change_pct
FROM (
  SELECT d.area_code, a.area_name, d.financial_year, d.computed_total_gbp, d.reported_total_gbp,
    d.total_matches
  FROM funding_difference d
  JOIN dim_area a ON a.area_code = d.area_code
) cur
JOIN dim_period p ON p.financial_year = cur.financial_year
LEFT JOIN (
  SELECT f.area_code, f.financial_year, SUM(f.amount_gbp) AS computed_total_gbp
  FROM fact_funding f
  JOIN dim_funding_source s ON s.source_code = f.source_code
  WHERE NOT s.is_reported_total
  GROUP BY f.area_code, f.financial_year
) last_year ON last_year.area_code = cur.area_code AND last_year.financial_year = p.previous_year
