-- Where a partnership sent both episodes and aggregate treatment figures for a year, the two side
-- by side and the difference (from episodes less reported), per client group and measure:
-- all_adults against every episode, pdu against the problem drug users' episodes.
SELECT v.*, v.from_episodes - v.reported AS difference FROM (
SELECT r.area_code, r.area_name AS partnership, r.region, r.financial_year, r.client_group,
  CAST('in_treatment' AS VARCHAR(64)) AS measure_code,
  CASE WHEN r.client_group = 'pdu' THEN e.pdus_in_treatment_episodes ELSE e.people_in_treatment END
    AS from_episodes,
  r.in_treatment AS reported
FROM treatment r
JOIN episode_treatment e ON e.area_code = r.area_code AND e.financial_year = r.financial_year
WHERE r.area_level = 'partnership' AND e.people_in_treatment IS NOT NULL
UNION ALL
SELECT r.area_code, r.area_name, r.region, r.financial_year, r.client_group,
  CAST('in_effective_treatment' AS VARCHAR(64)),
  CASE WHEN r.client_group = 'pdu' THEN e.pdus_in_effective_treatment_episodes
    ELSE e.people_in_effective_treatment END,
  r.in_effective_treatment
FROM treatment r
JOIN episode_treatment e ON e.area_code = r.area_code AND e.financial_year = r.financial_year
WHERE r.area_level = 'partnership' AND e.people_in_treatment IS NOT NULL
) v
