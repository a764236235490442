-- The partnerships, with their region and the dates they existed between.
SELECT area_code, area_name AS partnership, region_name AS region, valid_from, valid_to
FROM dim_area
WHERE area_level = 'partnership'
