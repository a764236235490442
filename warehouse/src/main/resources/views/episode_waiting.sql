-- Waiting times: episodes whose first intervention started in the financial year, and how many
-- of them waited more than three weeks (21 days) from referral, as NDTMS reports it, in the
-- years the partnership sent episodes for. Low is good.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  w.interventions_started, w.waited_over_3_weeks,
  CASE WHEN w.interventions_started > 0
    THEN 100.0 * w.waited_over_3_weeks / w.interventions_started END AS waited_over_3_weeks_pct
FROM partnership_period k
LEFT JOIN (
  SELECT e.area_code, p.financial_year, COUNT(*) AS interventions_started,
    SUM(CASE WHEN e.first_intervention_date > e.referral_date + INTERVAL '21' DAY THEN 1 ELSE 0 END)
      AS waited_over_3_weeks
  FROM fact_episode e
  JOIN dim_period p ON e.first_intervention_date BETWEEN p.start_date AND p.end_date
  JOIN episode_coverage c ON c.area_code = e.area_code AND c.extract_year = p.financial_year
  GROUP BY e.area_code, p.financial_year) w
  ON w.area_code = k.area_code AND w.financial_year = k.financial_year
