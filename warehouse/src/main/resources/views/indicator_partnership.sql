-- Every partnership that existed at the start of each indicator period that has figures, with its
-- value where it has one: the population an indicator is ranked over, so the missing show as left out.
SELECT a.area_code, a.area_name AS partnership, a.region_name AS region, p.indicator_code, p.period_code,
  v.figure, v.numerator, v.denominator, v.lower_95, v.upper_95, v.figure_source, v.interval_source
FROM dim_area a
JOIN (SELECT DISTINCT indicator_code, period_code, period_start FROM fact_indicator) p
  ON a.valid_from <= p.period_start AND (a.valid_to IS NULL OR a.valid_to >= p.period_start)
LEFT JOIN indicator_value v
  ON v.area_code = a.area_code AND v.indicator_code = p.indicator_code AND v.period_code = p.period_code
WHERE a.area_level = 'partnership'
