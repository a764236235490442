-- Funding by source per area (partnership, region or England) and financial year: a partnership's
-- lines as reported, a region's or England's summed over its partnerships with a line that year.
-- share_pct = 100 x amount / the area's computed total that year. A line with only a note
-- ("Amalgamated with DIP main grant") keeps a null amount and no share, never 0; amalgamated_into
-- names the line it went into (the note's words after "Amalgamated with", up to any comma).
SELECT g.area_level, g.area_name, g.financial_year, g.source_code, g.source_name, g.sort_order,
  g.amount_gbp, g.note, g.amalgamated_into, g.partnerships_contributing, g.partnerships_amalgamated,
  CASE WHEN g.amount_gbp IS NOT NULL AND t.computed_total_gbp > 0
    THEN 100.0 * g.amount_gbp / t.computed_total_gbp END AS share_pct
FROM (
  SELECT m.area_level, m.area_name, f.financial_year, f.source_code, f.source_name, f.sort_order,
    SUM(f.amount_gbp) AS amount_gbp, MIN(f.note) AS note,
    MIN(CASE WHEN f.amount_gbp IS NULL AND LOWER(f.note) LIKE 'amalgamated with %' THEN
      CASE WHEN POSITION(',' IN f.note) > 0 THEN TRIM(SUBSTRING(f.note FROM 18 FOR POSITION(',' IN f.note) - 18))
        ELSE TRIM(SUBSTRING(f.note FROM 18)) END
    END) AS amalgamated_into,
    COUNT(f.amount_gbp) AS partnerships_contributing,
    COUNT(CASE WHEN f.amount_gbp IS NULL AND LOWER(f.note) LIKE 'amalgamated with %' THEN 1 END)
      AS partnerships_amalgamated
  FROM funding f
  JOIN funding_area_member m ON m.area_code = f.area_code AND m.financial_year = f.financial_year
  GROUP BY m.area_level, m.area_name, f.financial_year, f.source_code, f.source_name, f.sort_order
) g
JOIN funding_area_total t
  ON t.area_level = g.area_level AND t.area_name = g.area_name AND t.financial_year = g.financial_year
