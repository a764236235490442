-- Percentage change in PDUs in effective treatment from any earlier financial year (the baseline).
-- High is good. One row per partnership, year and earlier year; change_pct is null when either
-- count is missing or the baseline count is 0. effective_change is the row whose baseline is the year before.
SELECT k.area_code, k.partnership, k.region, k.financial_year, b.financial_year AS baseline_year,
  cur.in_effective_treatment AS pdus_in_effective_treatment,
  base.in_effective_treatment AS baseline_pdus_in_effective_treatment,
  CASE WHEN base.in_effective_treatment > 0
    THEN 100.0 * (cur.in_effective_treatment - base.in_effective_treatment) / base.in_effective_treatment
  END AS change_pct
FROM partnership_period k
JOIN dim_period b ON b.financial_year < k.financial_year
LEFT JOIN treatment cur
  ON cur.area_code = k.area_code AND cur.financial_year = k.financial_year AND cur.client_group = 'pdu'
LEFT JOIN treatment base
  ON base.area_code = k.area_code AND base.financial_year = b.financial_year AND base.client_group = 'pdu'
