-- Penetration with its 95% interval for partnerships, regions and England. The interval is the one
-- the estimate's bounds imply: in_treatment / upper_95 to in_treatment / lower_95 (the count is a count).
-- A region or England uses its own reported estimate and count where both were reported
-- (basis 'reported'); otherwise the sums over its partnerships that have both (basis 'aggregated',
-- partnerships_aggregated says how many). Summed bounds are kept only when every one of those
-- partnerships has bounds, and are then conservative: wider than the true interval of the sum.
SELECT u.area_code, u.area_name, u.area_level, u.region, u.financial_year, u.basis, u.partnerships_aggregated,
  u.pdu_estimate, u.pdu_lower_95, u.pdu_upper_95, u.pdus_in_treatment,
  CASE WHEN u.pdu_estimate > 0 THEN 100.0 * u.pdus_in_treatment / u.pdu_estimate END AS penetration_pct,
  CASE WHEN u.pdu_upper_95 > 0 THEN 100.0 * u.pdus_in_treatment / u.pdu_upper_95 END AS penetration_lower_95,
  CASE WHEN u.pdu_lower_95 > 0 THEN 100.0 * u.pdus_in_treatment / u.pdu_lower_95 END AS penetration_upper_95
FROM (
  SELECT area_code, partnership AS area_name, CAST('partnership' AS VARCHAR(64)) AS area_level, region, financial_year,
    CAST('reported' AS VARCHAR(64)) AS basis, CAST(NULL AS INTEGER) AS partnerships_aggregated,
    pdu_estimate, pdu_lower_95, pdu_upper_95, pdus_in_treatment
  FROM penetration
  UNION ALL
  SELECT a.area_code, a.area_name, a.area_level, a.region_name, g.financial_year,
    CASE WHEN e.estimate IS NOT NULL AND t.in_treatment IS NOT NULL THEN CAST('reported' AS VARCHAR(64))
      ELSE CAST('aggregated' AS VARCHAR(64)) END,
    CASE WHEN e.estimate IS NOT NULL AND t.in_treatment IS NOT NULL THEN CAST(NULL AS INTEGER)
      ELSE CAST(g.partnerships AS INTEGER) END,
    CASE WHEN e.estimate IS NOT NULL AND t.in_treatment IS NOT NULL THEN e.estimate ELSE g.pdu_estimate END,
    CASE WHEN e.estimate IS NOT NULL AND t.in_treatment IS NOT NULL THEN e.lower_95
      WHEN g.with_bounds = g.partnerships THEN g.pdu_lower_95 END,
    CASE WHEN e.estimate IS NOT NULL AND t.in_treatment IS NOT NULL THEN e.upper_95
      WHEN g.with_bounds = g.partnerships THEN g.pdu_upper_95 END,
    CASE WHEN e.estimate IS NOT NULL AND t.in_treatment IS NOT NULL THEN t.in_treatment ELSE g.pdus_in_treatment END
  FROM (
    SELECT region AS area_name, financial_year, COUNT(*) AS partnerships,
      COUNT(CASE WHEN pdu_lower_95 IS NOT NULL AND pdu_upper_95 IS NOT NULL THEN 1 END) AS with_bounds,
      SUM(pdu_estimate) AS pdu_estimate, SUM(pdu_lower_95) AS pdu_lower_95, SUM(pdu_upper_95) AS pdu_upper_95,
      SUM(pdus_in_treatment) AS pdus_in_treatment
    FROM penetration WHERE pdu_estimate IS NOT NULL AND pdus_in_treatment IS NOT NULL
    GROUP BY region, financial_year
    UNION ALL
    SELECT CAST('England' AS VARCHAR(64)), financial_year, COUNT(*),
      COUNT(CASE WHEN pdu_lower_95 IS NOT NULL AND pdu_upper_95 IS NOT NULL THEN 1 END),
      SUM(pdu_estimate), SUM(pdu_lower_95), SUM(pdu_upper_95), SUM(pdus_in_treatment)
    FROM penetration WHERE pdu_estimate IS NOT NULL AND pdus_in_treatment IS NOT NULL
    GROUP BY financial_year
  ) g
  JOIN dim_area a ON a.area_name = g.area_name AND a.area_level IN ('region', 'country')
  LEFT JOIN prevalence e
    ON e.area_code = a.area_code AND e.financial_year = g.financial_year AND e.drug_group = 'pdu'
  LEFT JOIN treatment t
    ON t.area_code = a.area_code AND t.financial_year = g.financial_year AND t.client_group = 'pdu'
) u
