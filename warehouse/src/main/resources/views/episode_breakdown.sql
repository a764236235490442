-- People in treatment by each dimension of their episodes: sex, age band, ethnicity, primary
-- substance, injecting, referral source and modality, per partnership and financial year, with
-- their share of the partnership's people in treatment. A person with two episodes in different
-- categories (two modalities) counts in each, so shares of one dimension may add past 100.
SELECT b.area_code, a.area_name AS partnership, a.region_name AS region, b.financial_year,
  b.dimension, b.category, b.people_in_treatment,
  100.0 * b.people_in_treatment / t.people_in_treatment AS share_pct
FROM (
  SELECT area_code, financial_year, CAST('sex' AS VARCHAR) AS dimension, sex AS category, COUNT(DISTINCT client_ref) AS people_in_treatment
  FROM episode_year GROUP BY area_code, financial_year, sex
  UNION ALL
  SELECT area_code, financial_year, CAST('age_band' AS VARCHAR), age_band, COUNT(DISTINCT client_ref)
  FROM episode_year GROUP BY area_code, financial_year, age_band
  UNION ALL
  SELECT area_code, financial_year, CAST('ethnicity' AS VARCHAR), ethnicity, COUNT(DISTINCT client_ref)
  FROM episode_year GROUP BY area_code, financial_year, ethnicity
  UNION ALL
  SELECT area_code, financial_year, CAST('primary_substance' AS VARCHAR), primary_substance, COUNT(DISTINCT client_ref)
  FROM episode_year GROUP BY area_code, financial_year, primary_substance
  UNION ALL
  SELECT area_code, financial_year, CAST('injecting' AS VARCHAR), injecting, COUNT(DISTINCT client_ref)
  FROM episode_year GROUP BY area_code, financial_year, injecting
  UNION ALL
  SELECT area_code, financial_year, CAST('referral_source' AS VARCHAR), referral_source, COUNT(DISTINCT client_ref)
  FROM episode_year GROUP BY area_code, financial_year, referral_source
  UNION ALL
  SELECT area_code, financial_year, CAST('modality' AS VARCHAR), modality, COUNT(DISTINCT client_ref)
  FROM episode_year GROUP BY area_code, financial_year, modality) b
JOIN (SELECT area_code, financial_year, COUNT(DISTINCT client_ref) AS people_in_treatment
      FROM episode_year GROUP BY area_code, financial_year) t
  ON t.area_code = b.area_code AND t.financial_year = b.financial_year
JOIN dim_area a ON a.area_code = b.area_code
