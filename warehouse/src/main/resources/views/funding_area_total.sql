-- Treatment funding per area (partnership, region or England: area_level partnership, region or
-- country) and financial year. A region's or England's figures are summed over its partnerships with
-- a funding profile that year; partnerships_contributing says how many.
-- computed_total_gbp is the sum of the source lines; reported_total_gbp the printed total (for a
-- region or England only when every contributing partnership printed one); difference_gbp =
-- reported - computed, a finding never "fixed"; total_matches says whether every contributing
-- partnership's printed total agrees with its lines (as funding_difference defines agreeing).
-- change_pct: year-on-year change of the computed total. Spend per PDU divides the funding of the
-- partnerships that have the denominator that year by their summed denominator (for a partnership,
-- its own total by its own count); null where none has it or it is 0.
SELECT cur.area_level, cur.area_name, cur.financial_year, cur.partnerships_contributing,
  cur.computed_total_gbp, cur.reported_total_gbp,
  cur.reported_total_gbp - cur.computed_total_gbp AS difference_gbp,
  CASE WHEN cur.reported_total_gbp IS NOT NULL AND cur.computed_total_gbp IS NOT NULL
    THEN cur.mismatched = 0 END AS total_matches,
  p.previous_year, last_year.computed_total_gbp AS previous_computed_total_gbp,
  CASE WHEN last_year.computed_total_gbp > 0
    THEN 100.0 * (cur.computed_total_gbp - last_year.computed_total_gbp) / last_year.computed_total_gbp
  END AS change_pct,
  cur.pdu_estimate, cur.pdus_in_treatment, cur.pdus_in_effective_treatment,
  CASE WHEN cur.pdu_estimate > 0 THEN cur.funding_with_estimate_gbp / cur.pdu_estimate END AS gbp_per_pdu_estimated,
  CASE WHEN cur.pdus_in_treatment > 0 THEN cur.funding_with_treatment_gbp / cur.pdus_in_treatment END
    AS gbp_per_pdu_in_treatment,
  CASE WHEN cur.pdus_in_effective_treatment > 0
    THEN cur.funding_with_effective_gbp / cur.pdus_in_effective_treatment END AS gbp_per_pdu_in_effective_treatment
FROM (
  SELECT area_level, area_name, financial_year,
    COUNT(funding_total_gbp) AS partnerships_contributing,
    SUM(funding_total_gbp) AS computed_total_gbp,
    CASE WHEN COUNT(reported_total_gbp) = COUNT(*) THEN SUM(reported_total_gbp) END AS reported_total_gbp,
    SUM(CASE WHEN NOT total_matches THEN 1 ELSE 0 END) AS mismatched,
    SUM(CASE WHEN funding_total_gbp IS NOT NULL THEN pdu_estimate END) AS pdu_estimate,
    SUM(CASE WHEN funding_total_gbp IS NOT NULL THEN pdus_in_treatment END) AS pdus_in_treatment,
    SUM(CASE WHEN funding_total_gbp IS NOT NULL THEN pdus_in_effective_treatment END) AS pdus_in_effective_treatment,
    SUM(CASE WHEN pdu_estimate IS NOT NULL THEN funding_total_gbp END) AS funding_with_estimate_gbp,
    SUM(CASE WHEN pdus_in_treatment IS NOT NULL THEN funding_total_gbp END) AS funding_with_treatment_gbp,
    SUM(CASE WHEN pdus_in_effective_treatment IS NOT NULL THEN funding_total_gbp END) AS funding_with_effective_gbp
  FROM funding_area_member
  GROUP BY area_level, area_name, financial_year
) cur
JOIN dim_period p ON p.financial_year = cur.financial_year
LEFT JOIN (
  SELECT area_level, area_name, financial_year, SUM(funding_total_gbp) AS computed_total_gbp
  FROM funding_area_member
  GROUP BY area_level, area_name, financial_year
) last_year ON last_year.area_level = cur.area_level AND last_year.area_name = cur.area_name
  AND last_year.financial_year = p.previous_year
