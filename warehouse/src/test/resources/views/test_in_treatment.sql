-- Test view: people in treatment per area and financial_year, summed over client groups.
SELECT area_code, financial_year, SUM(figure) AS in_treatment
FROM fact_treatment
WHERE measure_code = 'in_treatment'
GROUP BY area_code, financial_year;
