-- Every agreed target beside the actual from treatment, whether it was met and by how much.
-- Actuals: pdus_in_effective_treatment <- treatment (pdu) in_effective_treatment;
-- all_adults_in_effective_treatment <- treatment (all_adults) in_effective_treatment;
-- pdus_in_effective_treatment_change_pct <- 100 x (PDUs in effective treatment in the year - baseline_count)
-- / baseline_count, where the baseline year is that of the agreed pdus_in_effective_treatment baseline
-- (else 2007-08, the plans' baseline year) and baseline_count is the actual in that year, else the
-- agreed baseline. Higher is better for all three: met = actual >= target; gap = actual - target.
-- Where the actual is not loaded, actual, met and gap are null and actual_missing says why.
SELECT v.area_code, v.area_name, v.measure_code, v.financial_year, v.baseline_year, v.baseline_value,
  v.baseline_count, v.target_value, v.actual_value,
  CAST('high_is_good' AS VARCHAR(64)) AS polarity,
  CASE WHEN v.actual_value IS NOT NULL THEN v.actual_value >= v.target_value END AS target_met,
  v.actual_value - v.target_value AS gap,
  CASE WHEN v.actual_value IS NOT NULL THEN CAST(NULL AS VARCHAR(64))
    WHEN v.measure_code NOT IN ('pdus_in_effective_treatment', 'all_adults_in_effective_treatment',
      'pdus_in_effective_treatment_change_pct') THEN 'no actual is defined for measure ' || v.measure_code
    WHEN v.current_count IS NULL THEN 'no ' || v.client_group || ' in_effective_treatment loaded for ' || v.financial_year
    ELSE 'no pdu in_effective_treatment baseline for ' || v.baseline_year
  END AS actual_missing
FROM (
  SELECT g.area_code, g.area_name, g.measure_code, g.financial_year, g.target_value, c.client_group,
    CASE WHEN g.measure_code = 'pdus_in_effective_treatment_change_pct' THEN c.baseline_year ELSE b.financial_year END
      AS baseline_year,
    b.target_value AS baseline_value,
    CASE WHEN g.measure_code = 'pdus_in_effective_treatment_change_pct' THEN c.baseline_count END AS baseline_count,
    cur.in_effective_treatment AS current_count,
    CASE WHEN g.measure_code IN ('pdus_in_effective_treatment', 'all_adults_in_effective_treatment')
        THEN cur.in_effective_treatment
      WHEN g.measure_code = 'pdus_in_effective_treatment_change_pct' AND c.baseline_count > 0
        THEN 100.0 * (cur.in_effective_treatment - c.baseline_count) / c.baseline_count
    END AS actual_value
  FROM target g
  JOIN (
    SELECT t.area_code, t.measure_code, t.financial_year,
      CASE WHEN t.measure_code = 'all_adults_in_effective_treatment' THEN CAST('all_adults' AS VARCHAR(64))
        ELSE CAST('pdu' AS VARCHAR(64)) END AS client_group,
      COALESCE(pb.financial_year, CAST('2007-08' AS VARCHAR(64))) AS baseline_year,
      COALESCE(base.in_effective_treatment, pb.target_value) AS baseline_count
    FROM target t
    LEFT JOIN target pb ON pb.area_code = t.area_code AND pb.measure_code = 'pdus_in_effective_treatment'
      AND pb.kind = 'baseline'
    LEFT JOIN treatment base ON base.area_code = t.area_code AND base.client_group = 'pdu'
      AND base.financial_year = COALESCE(pb.financial_year, '2007-08')
    WHERE t.kind = 'target'
  ) c ON c.area_code = g.area_code AND c.measure_code = g.measure_code AND c.financial_year = g.financial_year
  LEFT JOIN target b ON b.area_code = g.area_code AND b.measure_code = g.measure_code AND b.kind = 'baseline'
  LEFT JOIN treatment cur ON cur.area_code = g.area_code AND cur.financial_year = g.financial_year
    AND cur.client_group = c.client_group
  WHERE g.kind = 'target'
) v
