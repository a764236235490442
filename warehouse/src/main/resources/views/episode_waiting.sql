-- Waiting times (episode_waiting_counts) for every partnership of the year: the share of first
-- interventions started after waiting more than three weeks from referral. Low is good.
SELECT k.area_code, k.partnership, k.region, k.financial_year,
  w.interventions_started, w.waited_over_3_weeks,
  CASE WHEN w.interventions_started > 0
    THEN 100.0 * w.waited_over_3_weeks / w.interventions_started END AS waited_over_3_weeks_pct
FROM partnership_period k
LEFT JOIN episode_waiting_counts w
  ON w.area_code = k.area_code AND w.financial_year = k.financial_year
