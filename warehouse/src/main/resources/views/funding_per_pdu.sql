-- Treatment funding per partnership and year (the sum of the source lines, as funding_total), and
-- spend per PDU estimated, per PDU in treatment and per PDU in effective treatment. Higher spend
-- is neither good nor bad (polarity not_applicable). Null where an input is missing or 0.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  f.computed_total_gbp AS funding_total_gbp, f.reported_total_gbp, f.total_matches,
  e.estimate AS pdu_estimate,
  t.in_treatment AS pdus_in_treatment,
  t.in_effective_treatment AS pdus_in_effective_treatment,
  CASE WHEN e.estimate > 0 THEN f.computed_total_gbp / e.estimate END AS gbp_per_pdu_estimated,
  CASE WHEN t.in_treatment > 0 THEN f.computed_total_gbp / t.in_treatment END AS gbp_per_pdu_in_treatment,
  CASE WHEN t.in_effective_treatment > 0 THEN f.computed_total_gbp / t.in_effective_treatment END
    AS gbp_per_pdu_in_effective_treatment
FROM partnership_period k
LEFT JOIN funding_total f ON f.area_code = k.area_code AND f.financial_year = k.financial_year
LEFT JOIN prevalence e
  ON e.area_code = k.area_code AND e.financial_year = k.financial_year AND e.drug_group = 'pdu'
LEFT JOIN treatment t
  ON t.area_code = k.area_code AND t.financial_year = k.financial_year AND t.client_group = 'pdu'
