-- Percentage change in PDUs in effective treatment from the previous financial year. High is good.
SELECT k.area_code, k.partnership, k.region, k.period, k.previous_period,
  cur.in_effective_treatment AS pdus_in_effective_treatment,
  prev.in_effective_treatment AS previous_pdus_in_effective_treatment,
  CASE WHEN prev.in_effective_treatment > 0
    THEN 100.0 * (cur.in_effective_treatment - prev.in_effective_treatment) / prev.in_effective_treatment
  END AS change_pct
FROM partnership_period k
LEFT JOIN treatment cur
  ON cur.area_code = k.area_code AND cur.period = k.period AND cur.client_group = 'pdu'
LEFT JOIN treatment prev
  ON prev.area_code = k.area_code AND prev.period = k.previous_period AND prev.client_group = 'pdu'
