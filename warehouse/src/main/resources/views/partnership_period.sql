-- Every partnership that existed in each financial year the warehouse holds figures for: the
-- denominator of every ranking, so a partnership with no figures shows as left out, not absent.
-- Funding, target and episode years count too, so spend and targets can be ranked in years without estimates.
SELECT a.area_code, a.area_name AS partnership, a.region_name AS region, p.financial_year, p.previous_year
FROM dim_area a
JOIN dim_period p
  ON a.valid_from <= p.end_date AND (a.valid_to IS NULL OR a.valid_to >= p.start_date)
WHERE a.area_level = 'partnership'
  AND p.financial_year IN (SELECT financial_year FROM fact_prevalence UNION SELECT financial_year FROM fact_treatment
    UNION SELECT financial_year FROM fact_funding UNION SELECT financial_year FROM fact_target
    UNION SELECT extract_year FROM episode_coverage)
