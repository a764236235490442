-- Penetration: PDUs in treatment as a percentage of the PDU estimate. High is good.
-- Null when either input is missing; the interval comes from the estimate's 95% bounds.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  e.estimate AS pdu_estimate, e.lower_95 AS pdu_lower_95, e.upper_95 AS pdu_upper_95,
  t.in_treatment AS pdus_in_treatment,
  CASE WHEN e.estimate > 0 THEN 100.0 * t.in_treatment / e.estimate END AS penetration_pct
FROM partnership_period k
LEFT JOIN prevalence e
  ON e.area_code = k.area_code AND e.financial_year = k.financial_year AND e.drug_group = 'pdu'
LEFT JOIN treatment t
  ON t.area_code = k.area_code AND t.financial_year = k.financial_year AND t.client_group = 'pdu'
