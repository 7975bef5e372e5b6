-- A figure (value, unit, commodity) with the number of distinct stories and documents that
-- report it: a number three separate stories give is better attested than one repeated by reprints.
CREATE OR REPLACE VIEW corroborated_figures AS
SELECT f.value,
       f.unit,
       f.commodity,
       any_value(f.metric) AS metric,
       any_value(f.direction) AS direction,
       any_value(f.country) AS country,
       any_value(f.partner_country) AS partner_country,
       count(DISTINCT c.story_id) AS stories,
       count(DISTINCT f.doc_id) AS documents,
       list(DISTINCT d.source_path) AS sources,
       any_value(f.evidence) AS example_evidence
FROM trade_figures f
JOIN story_clusters c USING (doc_id)
JOIN documents d USING (doc_id)
GROUP BY f.value, f.unit, f.commodity;
