-- Figures of a story that two or more outlets report with agreeing values (story_facts decides
-- agreement: same key, values equal after rounding or within the stated approximation).
CREATE OR REPLACE VIEW corroborated_story_figures AS
SELECT f.story_id,
       f.label,
       f.metric, f.commodity, f.country, f.partner_country, f.unit, f.value, f.value_min, f.value_max,
       f.direction,
       f.outlet_count,
       f.outlets,
       f.agencies,
       f.document_count,
       f.first_seen,
       f.last_seen,
       f.has_conflict,
       (SELECT any_value(r.evidence) FROM story_fact_reports r WHERE r.fact_id = f.fact_id) AS example_evidence
FROM story_facts f
WHERE f.fact_type = 'figure' AND f.outlet_count >= 2;
