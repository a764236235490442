-- Compound annual growth of the computed funding total per area (partnership, region or England),
-- from the first to the last financial year with a computed total:
-- cagr_pct = 100 x ((last / first) ^ (1 / years) - 1), years = the number of years between them.
-- Null when there is a single year or the first total is not above 0.
SELECT r.area_level, r.area_name, r.first_year, r.last_year, r.years,
  f.computed_total_gbp AS first_total_gbp, l.computed_total_gbp AS last_total_gbp,
  CASE WHEN r.years > 0 AND f.computed_total_gbp > 0
    THEN 100.0 * (POWER(CAST(l.computed_total_gbp AS DOUBLE) / CAST(f.computed_total_gbp AS DOUBLE),
      CAST(1 AS DOUBLE) / r.years) - 1)
  END AS cagr_pct
FROM (
  SELECT area_level, area_name, MIN(financial_year) AS first_year, MAX(financial_year) AS last_year,
    CAST(SUBSTRING(MAX(financial_year) FROM 1 FOR 4) AS INTEGER)
      - CAST(SUBSTRING(MIN(financial_year) FROM 1 FOR 4) AS INTEGER) AS years
  FROM funding_area_total
  WHERE computed_total_gbp IS NOT NULL
  GROUP BY area_level, area_name
) r
JOIN funding_area_total f
  ON f.area_level = r.area_level AND f.area_name = r.area_name AND f.financial_year = r.first_year
JOIN funding_area_total l
  ON l.area_level = r.area_level AND l.area_name = r.area_name AND l.financial_year = r.last_year
