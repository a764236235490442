-- People in treatment per partnership and financial year by each dimension of their episodes
-- (sex, age band, ethnicity, primary substance, injecting, referral source, modality): one
-- grouping of episode_year per dimension. A person with episodes in two categories of a dimension
-- (two modalities) counts in each. Each load stores this view as agg_episode_category_counts.
-- One grouping per dimension, not one over every episode-year crossed with the dimensions: Spark
-- then groups a few narrow columns instead of carrying a CASE over wide rows (a quarter faster at
-- scale 1). VARCHAR(32): Spark needs a length, and an unsized literal would be a padded CHAR in
-- Calcite.
SELECT area_code, financial_year, CAST('sex' AS VARCHAR(32)) AS dimension, sex AS category,
  COUNT(DISTINCT client_ref) AS people_in_treatment
FROM episode_year GROUP BY area_code, financial_year, sex
UNION ALL
SELECT area_code, financial_year, CAST('age_band' AS VARCHAR(32)), age_band,
  COUNT(DISTINCT client_ref)
FROM episode_year GROUP BY area_code, financial_year, age_band
UNION ALL
SELECT area_code, financial_year, CAST('ethnicity' AS VARCHAR(32)), ethnicity,
  COUNT(DISTINCT client_ref)
FROM episode_year GROUP BY area_code, financial_year, ethnicity
UNION ALL
SELECT area_code, financial_year, CAST('primary_substance' AS VARCHAR(32)), primary_substance,
  COUNT(DISTINCT client_ref)
FROM episode_year GROUP BY area_code, financial_year, primary_substance
UNION ALL
SELECT area_code, financial_year, CAST('injecting' AS VARCHAR(32)), injecting,
  COUNT(DISTINCT client_ref)
FROM episode_year GROUP BY area_code, financial_year, injecting
UNION ALL
SELECT area_code, financial_year, CAST('referral_source' AS VARCHAR(32)), referral_source,
  COUNT(DISTINCT client_ref)
FROM episode_year GROUP BY area_code, financial_year, referral_source
UNION ALL
SELECT area_code, financial_year, CAST('modality' AS VARCHAR(32)), modality,
  COUNT(DISTINCT client_ref)
FROM episode_year GROUP BY area_code, financial_year, modality
