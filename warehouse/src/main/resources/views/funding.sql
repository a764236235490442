-- Funding by source and financial year as reported; the printed total line is in funding_total instead.
-- A line with a note and no amount (e.g. "Amalgamated with DIP main grant") keeps a null amount.
SELECT f.area_code, a.area_name, f.financial_year, f.source_code, s.source_name, s.sort_order,
  f.amount_gbp, f.note
FROM fact_funding f
JOIN dim_area a ON a.area_code = f.area_code
JOIN dim_funding_source s ON s.source_code = f.source_code
WHERE NOT s.is_reported_total
