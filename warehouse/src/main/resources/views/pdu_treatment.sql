-- PDUs in treatment and in effective treatment per partnership and financial year. High is good.
-- A row for every partnership that existed in the year; the counts are null where not reported.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  t.in_treatment AS pdus_in_treatment,
  t.in_effective_treatment AS pdus_in_effective_treatment
FROM partnership_period k
LEFT JOIN treatment t
  ON t.area_code = k.area_code AND t.financial_year = k.financial_year AND t.client_group = 'pdu'
