-- Change in the prevalence estimate and its rate per 1,000 between any two years, per area and
-- drug group: change_pct = 100 * (estimate - baseline estimate) / baseline estimate; likewise for rates.
-- Null where either figure is missing (e.g. a region whose rate was not reported).
SELECT cur.area_code, cur.area_name, cur.area_level, cur.region, cur.drug_group,
  base.financial_year AS baseline_year, cur.financial_year,
  base.estimate AS baseline_estimate, cur.estimate,
  CASE WHEN base.estimate > 0 THEN 100.0 * (cur.estimate - base.estimate) / base.estimate END AS estimate_change_pct,
  base.rate_per_1000 AS baseline_rate_per_1000, cur.rate_per_1000,
  CASE WHEN base.rate_per_1000 > 0 THEN 100.0 * (cur.rate_per_1000 - base.rate_per_1000) / base.rate_per_1000 END
    AS rate_change_pct
FROM prevalence cur
JOIN prevalence base
  ON base.area_code = cur.area_code AND base.drug_group = cur.drug_group AND base.financial_year < cur.financial_year
