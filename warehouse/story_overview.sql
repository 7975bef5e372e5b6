-- One row per story: its canonical document, the outlets (files) that carried it, first and
-- last date, and how many facts its documents hold.
CREATE OR REPLACE VIEW story_overview AS
WITH facts AS (
    SELECT doc_id,
           (SELECT count(DISTINCT official_id) FROM official_mentions m WHERE m.doc_id = d.doc_id) AS officials,
           (SELECT count(*) FROM meetings m WHERE m.doc_id = d.doc_id) AS meetings,
           (SELECT count(DISTINCT commodity) FROM commodity_mentions c WHERE c.doc_id = d.doc_id) AS commodities,
           (SELECT count(*) FROM trade_figures f WHERE f.doc_id = d.doc_id) AS figures
    FROM documents d
)
SELECT c.story_id,
       any_value(c.doc_id) FILTER (WHERE c.is_canonical) AS canonical_doc_id,
       any_value(d.title) FILTER (WHERE c.is_canonical) AS headline,
       count(*) AS documents,
       list(d.source_path ORDER BY d.source_path) AS outlets,
       list(DISTINCT c.relation) AS relations,
       min(d.published_on) AS first_date,
       max(d.published_on) AS last_date,
       sum(f.officials)::BIGINT AS officials,
       sum(f.meetings)::BIGINT AS meetings,
       sum(f.commodities)::BIGINT AS commodities,
       sum(f.figures)::BIGINT AS trade_figures
FROM story_clusters c
JOIN documents d USING (doc_id)
JOIN facts f USING (doc_id)
GROUP BY c.story_id;
