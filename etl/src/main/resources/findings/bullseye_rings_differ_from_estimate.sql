-- The four Bull's eye rings should add up to the PDU (or drug group) estimate of the financial
-- year the rings are dated in; rings and estimate often come from different files.
SELECT b.source_file, b.source_row, a.area_name, b.financial_year,
  concat('the Bull''s eye rings for ', b.drug_group, ' at ', CAST(b.as_at AS STRING), ' add up to ',
         format_number(b.rings, 0), ' but the ', b.financial_year, ' estimate is ', format_number(p.figure, 0)) AS message
FROM (SELECT area_code, as_at, drug_group, SUM(figure) AS rings, COUNT(*) AS rings_given,
        MIN(source_file) AS source_file, MIN(source_row) AS source_row,
        MAX(CASE WHEN is_new THEN 1 ELSE 0 END) AS touched,
        CASE WHEN month(as_at) >= 4
          THEN concat(CAST(year(as_at) AS STRING), '-', lpad(CAST((year(as_at) + 1) % 100 AS STRING), 2, '0'))
          ELSE concat(CAST(year(as_at) - 1 AS STRING), '-', lpad(CAST(year(as_at) % 100 AS STRING), 2, '0'))
        END AS financial_year
      FROM fact_bullseye GROUP BY area_code, as_at, drug_group) b
JOIN fact_prevalence p ON p.area_code = b.area_code AND p.drug_group = b.drug_group
  AND p.measure_code = 'estimate' AND p.financial_year = b.financial_year
JOIN dim_area a ON a.area_code = b.area_code
WHERE b.rings_given = 4 AND abs(b.rings - p.figure) >= 0.5
  AND (b.touched = 1 OR p.is_new)
