-- The Bull's eye rings as shares of the estimate for the financial year the date falls in (as_at
-- 2009-03-31 is 2008-09), and whether the rings add up to it: difference = estimate - rings_total.
SELECT b.area_code, b.area_name, b.as_at, b.drug_group, p.financial_year, e.estimate, b.rings_total,
  e.estimate - b.rings_total AS difference,
  b.in_treatment, b.treated_last_12_months, b.known_to_treatment, b.treatment_naive,
  CASE WHEN e.estimate > 0 THEN 100.0 * b.in_treatment / e.estimate END AS in_treatment_pct,
  CASE WHEN e.estimate > 0 THEN 100.0 * b.treated_last_12_months / e.estimate END AS treated_last_12_months_pct,
  CASE WHEN e.estimate > 0 THEN 100.0 * b.known_to_treatment / e.estimate END AS known_to_treatment_pct,
  CASE WHEN e.estimate > 0 THEN 100.0 * b.treatment_naive / e.estimate END AS treatment_naive_pct
FROM bullseye b
LEFT JOIN dim_period p ON b.as_at >= p.start_date AND b.as_at <= p.end_date
LEFT JOIN prevalence e
  ON e.area_code = b.area_code AND e.financial_year = p.financial_year AND e.drug_group = b.drug_group
