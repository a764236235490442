-- The one definition of "the printed total differs from the sum of its lines" (Gateshead's
-- 2008/09 total is 9,419 more than its lines): per partnership and financial year, the sum of the
-- source lines, the printed total line (dim_funding_source.is_reported_total), their difference
-- (reported - computed, never "fixed") and whether they agree to within 50p, as totals printed in
-- whole pounds can. The ETL's funding_total_differs finding and the funding_total view read it.
SELECT t.area_code, t.financial_year, t.computed_total_gbp, t.reported_total_gbp,
  t.reported_total_gbp - t.computed_total_gbp AS difference_gbp,
  CASE WHEN t.reported_total_gbp IS NOT NULL AND t.computed_total_gbp IS NOT NULL
    THEN ABS(t.reported_total_gbp - t.computed_total_gbp) < 0.5 END AS total_matches
FROM (
  SELECT f.area_code, f.financial_year,
    SUM(CASE WHEN NOT s.is_reported_total THEN f.amount_gbp END) AS computed_total_gbp,
    MAX(CASE WHEN s.is_reported_total THEN f.amount_gbp END) AS reported_total_gbp
  FROM fact_funding f
  JOIN dim_funding_source s ON s.source_code = f.source_code
  GROUP BY f.area_code, f.financial_year
) t
