-- People in treatment by each dimension of their episodes (episode_category_counts), with their
-- share of the partnership's people in treatment that year. A person with two episodes in
-- different categories (two modalities) counts in each, so shares of one dimension may add past 100.
SELECT b.area_code, a.area_name AS partnership, a.region_name AS region, b.financial_year,
  b.dimension, b.category, b.people_in_treatment,
  100.0 * b.people_in_treatment / t.people_in_treatment AS share_pct
FROM episode_category_counts b
JOIN episode_counts t ON t.area_code = b.area_code AND t.financial_year = b.financial_year
JOIN dim_area a ON a.area_code = b.area_code
