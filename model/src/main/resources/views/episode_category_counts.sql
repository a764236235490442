-- People in treatment per partnership and financial year by each dimension of their episodes
-- (sex, age band, ethnicity, primary substance, injecting, referral source, modality): one pass
-- over episode_year, each episode once per dimension. A person with episodes in two categories
-- of a dimension (two modalities) counts in each. Each load stores this view as
-- agg_episode_category_counts. VARCHAR(32): Spark needs a length, and an unsized literal would be
-- a padded CHAR in Calcite.
SELECT area_code, financial_year, dimension, category,
  COUNT(DISTINCT client_ref) AS people_in_treatment
FROM (
  SELECT y.area_code, y.financial_year, y.client_ref, d.dimension,
    CASE d.dimension
      WHEN 'sex' THEN y.sex
      WHEN 'age_band' THEN y.age_band
      WHEN 'ethnicity' THEN y.ethnicity
      WHEN 'primary_substance' THEN y.primary_substance
      WHEN 'injecting' THEN y.injecting
      WHEN 'referral_source' THEN y.referral_source
      WHEN 'modality' THEN y.modality
    END AS category
  FROM episode_year y
  CROSS JOIN (VALUES (CAST('sex' AS VARCHAR(32))), ('age_band'), ('ethnicity'),
    ('primary_substance'), ('injecting'), ('referral_source'), ('modality')) AS d (dimension)
) c
GROUP BY area_code, financial_year, dimension, category
