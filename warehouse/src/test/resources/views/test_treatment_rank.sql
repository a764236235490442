-- Test view: a view over another view and a table, ranked within each financial_year.
SELECT t.area_code, a.area_name, t.financial_year, t.in_treatment,
  RANK() OVER (PARTITION BY t.financial_year ORDER BY t.in_treatment DESC) AS rnk
FROM test_in_treatment t
JOIN dim_area a ON a.area_code = t.area_code
