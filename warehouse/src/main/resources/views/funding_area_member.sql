-- Each partnership's funding year, once for every area it counts in: itself (area_level partnership),
-- its region (region) and England (country). The funding trends views sum over this, so a region's or
-- England's figures are the sums over its partnerships with a funding profile that year.
SELECT lv.area_level,
  CASE WHEN lv.area_level = 'partnership' THEN f.partnership
    WHEN lv.area_level = 'region' THEN f.region ELSE CAST('England' AS VARCHAR(64)) END AS area_name,
  f.area_code, f.partnership, f.financial_year, f.funding_total_gbp, f.reported_total_gbp,
  f.total_matches,
  f.pdu_estimate, f.pdus_in_treatment, f.pdus_in_effective_treatment
FROM funding_per_pdu f
CROSS JOIN (VALUES (CAST('partnership' AS VARCHAR(64))), (CAST('region' AS VARCHAR(64))), (CAST('country' AS VARCHAR(64))))
  AS lv(area_level)
WHERE f.funding_total_gbp IS NOT NULL OR f.reported_total_gbp IS NOT NULL
