-- Percentage change in PDUs in effective treatment from the previous financial year. High is good.
-- The change itself is defined once, in effective_change_since; this is its previous-year row.
SELECT k.area_code, k.partnership, k.region, k.financial_year, k.previous_year,
  s.pdus_in_effective_treatment,
  s.baseline_pdus_in_effective_treatment AS previous_pdus_in_effective_treatment,
  s.change_pct
FROM partnership_period k
LEFT JOIN effective_change_since s
  ON s.area_code = k.area_code AND s.financial_year = k.financial_year AND s.baseline_year = k.previous_year
