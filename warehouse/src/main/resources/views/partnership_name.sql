-- Every name a partnership is known by in extracts (its official name among them), with the
-- partnership it means: what the API matches a typed partnership name against, so that every
-- spelling the ETL loads is one the API answers to.
SELECT p.area_code, p.partnership, p.region, a.alias
FROM partnership p
JOIN dim_area_alias a ON a.area_code = p.area_code
