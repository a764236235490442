-- Percentage change in PDUs in effective treatment from the previous financial year. High is good.
SELECT k.area_code, k.partnership, k.region, k.financial_year, k.previous_year,
  cur.in_effective_treatment AS pdus_in_effective_treatment,
  last_year.in_effective_treatment AS previous_pdus_in_effective_treatment,
  CASE WHEN last_year.in_effective_treatment > 0
    THEN 100.0 * (cur.in_effective_treatment - last_year.in_effective_treatment) / last_year.in_effective_treatment
  END AS change_pct
FROM partnership_period k
LEFT JOIN treatment cur
  ON cur.area_code = k.area_code AND cur.financial_year = k.financial_year AND cur.client_group = 'pdu'
LEFT JOIN treatment last_year
  ON last_year.area_code = k.area_code AND last_year.financial_year = k.previous_year AND last_year.client_group = 'pdu'
