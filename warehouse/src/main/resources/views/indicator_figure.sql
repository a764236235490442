-- The figures every indicator value is computed from: the rows extracts gave (basis 'reported'),
-- and for a region or England with no row of its own, the sum of its partnerships' counts over
-- the sum of their denominators (basis 'aggregated', from the partnerships that have both).
-- indicator_value computes values and intervals over these rows alike, so an aggregate's
-- interval is worked out by the same formulas as a partnership's: defined once, in SQL.
SELECT f.indicator_code, f.area_code, f.period_code, f.period_start, f.numerator, f.denominator,
  f.figure, f.lower_95, f.upper_95, CAST('reported' AS VARCHAR(64)) AS basis,
  CAST(NULL AS INTEGER) AS partnerships_aggregated
FROM fact_indicator f
UNION ALL
SELECT p.indicator_code, whole.area_code, p.period_code, MIN(p.period_start), SUM(p.numerator),
  SUM(p.denominator), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE), CAST(NULL AS DOUBLE),
  CAST('aggregated' AS VARCHAR(64)), CAST(COUNT(*) AS INTEGER)
FROM fact_indicator p
JOIN dim_area part ON part.area_code = p.area_code AND part.area_level = 'partnership'
JOIN dim_area whole
  ON (whole.area_level = 'region' AND whole.area_name = part.region_name)
  OR whole.area_level = 'country'
WHERE p.numerator IS NOT NULL AND p.denominator > 0
  AND NOT EXISTS (
    SELECT 1 FROM fact_indicator own
    WHERE own.indicator_code = p.indicator_code AND own.period_code = p.period_code
      AND own.area_code = whole.area_code)
GROUP BY p.indicator_code, whole.area_code, p.period_code
