-- Indicators as loaded (dim_indicator, fact_indicator), with the value and 95% interval filled in
-- where the extract gave only a count and denominator, for partnerships, regions and England
-- (aggregated from partnerships where the extract gave no row: see indicator_figure). The one
-- definition of Byar's and Wilson's intervals. Never stored: computed here, on read.
--   figure    = the reported value, else numerator / denominator * multiplier
--   interval  = the reported lower_95 and upper_95 when both were given, else by the indicator's method:
--     byar (rates; O = numerator, z = 1.959964):
--       lower = O * (1 - 1/(9O) - z/(3 sqrt(O)))^3 * per_count   (0 when O = 0)
--       upper = (O+1) * (1 - 1/(9(O+1)) + z/(3 sqrt(O+1)))^3 * per_count
--       per_count = multiplier / denominator, or, with no denominator, reported value / O
--     wilson (proportions; n = denominator, p = O/n, 0 <= O <= n):
--       (2O + z^2 -/+ z sqrt(z^2 + 4 O (1 - p))) / (2 (n + z^2)) * multiplier
-- (dim_indicator's column is "method": quoted, as METHOD is reserved in Calcite.)
-- figure_source and interval_source say which (reported, computed; reported, byar, wilson).
SELECT b.indicator_code, b.indicator_name, b.unit, b.polarity, b.multiplier, b.interval_method,
  b.area_code, b.area_name, b.area_level, b.region, b.period_code, b.period_start,
  b.numerator, b.denominator, b.figure, b.basis, b.partnerships_aggregated,
  CASE WHEN b.reported_figure IS NOT NULL THEN CAST('reported' AS VARCHAR(64)) WHEN b.figure IS NOT NULL THEN CAST('computed' AS VARCHAR(64)) END
    AS figure_source,
  CASE
    WHEN b.reported_lower_95 IS NOT NULL AND b.reported_upper_95 IS NOT NULL THEN b.reported_lower_95
    WHEN b.interval_method = 'byar' AND b.numerator = 0 AND b.per_count IS NOT NULL THEN 0
    WHEN b.interval_method = 'byar' AND b.numerator > 0
      THEN b.numerator * POWER(1 - 1 / (9 * b.numerator) - b.z / (3 * SQRT(b.numerator)), 3) * b.per_count
    WHEN b.interval_method = 'wilson' AND b.denominator > 0 AND b.numerator BETWEEN 0 AND b.denominator
      THEN (2 * b.numerator + b.z * b.z
        - b.z * SQRT(b.z * b.z + 4 * b.numerator * (1 - b.numerator / b.denominator)))
        / (2 * (b.denominator + b.z * b.z)) * b.multiplier
  END AS lower_95,
  CASE
    WHEN b.reported_lower_95 IS NOT NULL AND b.reported_upper_95 IS NOT NULL THEN b.reported_upper_95
    WHEN b.interval_method = 'byar' AND b.numerator >= 0
      THEN (b.numerator + 1) * POWER(1 - 1 / (9 * (b.numerator + 1)) + b.z / (3 * SQRT(b.numerator + 1)), 3)
        * b.per_count
    WHEN b.interval_method = 'wilson' AND b.denominator > 0 AND b.numerator BETWEEN 0 AND b.denominator
      THEN (2 * b.numerator + b.z * b.z
        + b.z * SQRT(b.z * b.z + 4 * b.numerator * (1 - b.numerator / b.denominator)))
        / (2 * (b.denominator + b.z * b.z)) * b.multiplier
  END AS upper_95,
  CASE
    WHEN b.reported_lower_95 IS NOT NULL AND b.reported_upper_95 IS NOT NULL THEN CAST('reported' AS VARCHAR(64))
    WHEN b.interval_method = 'byar' AND b.numerator >= 0 AND b.per_count IS NOT NULL THEN CAST('byar' AS VARCHAR(64))
    WHEN b.interval_method = 'wilson' AND b.denominator > 0 AND b.numerator BETWEEN 0 AND b.denominator
      THEN CAST('wilson' AS VARCHAR(64))
  END AS interval_source
FROM (
  SELECT f.indicator_code, d.name AS indicator_name, d.unit, d.polarity, d.multiplier, d."method" AS interval_method,
    f.area_code, a.area_name, a.area_level, a.region_name AS region, f.period_code, f.period_start,
    f.numerator, f.denominator, f.basis, f.partnerships_aggregated,
    f.figure AS reported_figure, f.lower_95 AS reported_lower_95, f.upper_95 AS reported_upper_95,
    COALESCE(f.figure, CASE WHEN f.denominator > 0 THEN f.numerator / f.denominator * d.multiplier END) AS figure,
    CASE WHEN f.denominator > 0 THEN d.multiplier / f.denominator
      WHEN f.numerator > 0 AND f.figure IS NOT NULL THEN f.figure / f.numerator END AS per_count,
    CAST(1.959963984540054 AS DOUBLE) AS z
  FROM indicator_figure f
  JOIN dim_indicator d ON d.indicator_code = f.indicator_code
  JOIN dim_area a ON a.area_code = f.area_code
) b
