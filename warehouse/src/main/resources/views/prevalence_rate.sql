-- Estimated problem drug users per 1,000 population aged 15-64, as reported. Low is good.
-- A row for every partnership that existed in the year; null where no rate was reported.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  e.estimate AS pdu_estimate, e.rate_per_1000
FROM partnership_period k
LEFT JOIN prevalence e
  ON e.area_code = k.area_code AND e.financial_year = k.financial_year AND e.drug_group = 'pdu'
