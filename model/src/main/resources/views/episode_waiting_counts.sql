-- Episodes whose first intervention started in the financial year, and how many of them waited
-- more than three weeks (21 days) from referral, as NDTMS reports it, in the years the partnership
-- sent episodes for. Each load stores this view as agg_episode_waiting_counts.
SELECT e.area_code, p.financial_year,
  COUNT(*) AS interventions_started,
  COUNT(CASE WHEN e.first_intervention_date > e.referral_date + INTERVAL '21' DAY THEN 1 END)
    AS waited_over_3_weeks
FROM fact_episode e
JOIN dim_period p ON e.first_intervention_date BETWEEN p.start_date AND p.end_date
JOIN episode_coverage c ON c.area_code = e.area_code AND c.extract_year = p.financial_year
GROUP BY e.area_code, p.financial_year
