-- The episode measures per partnership and financial year, each person once: in treatment, in
-- effective treatment, new to treatment, leaving as planned or unplanned, and the same for problem
-- drug users (opiates and/or crack). Only partnership-years with episodes have a row. Each load
-- stores this view as agg_episode_counts, which the planner reads in its place.
SELECT area_code, financial_year,
  COUNT(*) AS people_in_treatment,
  COUNT(CASE WHEN effective THEN 1 END) AS people_in_effective_treatment,
  COUNT(CASE WHEN new_to_treatment THEN 1 END) AS people_new_to_treatment,
  COUNT(CASE WHEN planned_exit THEN 1 END) AS planned_exits,
  COUNT(CASE WHEN unplanned_exit THEN 1 END) AS unplanned_exits,
  COUNT(CASE WHEN is_pdu THEN 1 END) AS pdus_in_treatment_episodes,
  COUNT(CASE WHEN is_pdu AND effective THEN 1 END) AS pdus_in_effective_treatment_episodes
FROM episode_person_year
GROUP BY area_code, financial_year
