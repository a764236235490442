-- The analysts' queries both query benchmarks time: QueryBenchmark (query-api: Calcite and
-- DuckDB) and SparkSqlBenchmark (etl: Spark SQL over the Delta tables). Each query follows a
-- line "-- <name> [<value of its one ? parameter>]" and ends with a semicolon.

-- national penetration ranking [2010-11]
SELECT partnership, region, penetration_pct,
  RANK() OVER (ORDER BY penetration_pct DESC) AS national_rank
FROM penetration WHERE financial_year = ? AND penetration_pct IS NOT NULL;

-- funding totals by region [2010-11]
SELECT p.region, SUM(f.computed_total_gbp) AS total, SUM(f.reported_total_gbp - f.computed_total_gbp) AS gap
FROM funding_total f JOIN partnership p ON p.area_code = f.area_code
WHERE f.financial_year = ? GROUP BY p.region;

-- effective change top 10 [2010-11]
SELECT partnership, change_pct FROM effective_change
WHERE financial_year = ? AND change_pct IS NOT NULL ORDER BY change_pct DESC LIMIT 10;

-- regional penetration comparison [2010-11]
SELECT partnership, penetration_pct, pdu_lower_95, pdu_upper_95 FROM penetration
WHERE financial_year = ? AND region = 'South East' ORDER BY partnership;

-- regional funding trend [2014-15]
SELECT financial_year, computed_total_gbp, change_pct FROM funding_area_total
WHERE area_level = 'region' AND area_name = 'North East' AND financial_year <= ?
ORDER BY financial_year;

-- people in treatment ranking [2010-11]
SELECT partnership, people_in_treatment,
  RANK() OVER (ORDER BY people_in_treatment DESC) AS national_rank
FROM episode_treatment WHERE financial_year = ? AND people_in_treatment IS NOT NULL;

-- effective treatment share, one region [2010-11]
SELECT partnership, effective_pct FROM episode_treatment
WHERE financial_year = ? AND region = 'London' AND effective_pct IS NOT NULL
ORDER BY effective_pct DESC;

-- people by sex, England [2010-11]
SELECT category, SUM(people_in_treatment) AS people FROM episode_breakdown
WHERE financial_year = ? AND dimension = 'sex' GROUP BY category;

-- age bands of one partnership [2010-11]
SELECT category, people_in_treatment, share_pct FROM episode_breakdown
WHERE financial_year = ? AND partnership = 'Kent' AND dimension = 'age_band';

-- waiting over 3 weeks ranking [2010-11]
SELECT partnership, waited_over_3_weeks_pct FROM episode_waiting
WHERE financial_year = ? AND waited_over_3_weeks_pct IS NOT NULL
ORDER BY waited_over_3_weeks_pct;

-- episodes against reported figures [2010-11]
SELECT partnership, client_group, measure_code, from_episodes, reported, difference
FROM episode_vs_reported WHERE financial_year = ? ORDER BY ABS(difference) DESC LIMIT 20;

-- raw scan: every episode by substance [2000-01]
SELECT primary_substance, COUNT(*) AS episodes, COUNT(DISTINCT client_ref) AS people
FROM fact_episode WHERE financial_year >= ? GROUP BY primary_substance;

-- raw scan: one partnership's episodes by year and modality [00MR]
SELECT financial_year, modality, COUNT(*) AS episodes
FROM fact_episode WHERE area_code = ? GROUP BY financial_year, modality;
