-- Stories by the first day any of their documents was seen (published_on, else the day it was
-- loaded; first_published counts dated lines only), with their documents, outlets, credited
-- agencies, facts and conflicts.
CREATE OR REPLACE VIEW story_timeline AS
WITH docs AS (
    SELECT c.story_id, c.doc_id, c.is_canonical, d.title, d.outlet, d.credited_agencies, d.published_on,
           coalesce(d.published_on, d.ingested_at::DATE) AS seen_on
    FROM story_clusters c
    JOIN documents d USING (doc_id)
),
facts AS (
    SELECT story_id,
           count(*) AS facts,
           count(*) FILTER (WHERE fact_type = 'figure') AS figures,
           count(*) FILTER (WHERE fact_type = 'figure' AND outlet_count >= 2) AS corroborated_figures
    FROM story_facts
    GROUP BY story_id
),
conflicts AS (
    SELECT story_id, count(*) AS conflicts FROM fact_conflicts GROUP BY story_id
)
SELECT d.story_id,
       any_value(d.title) FILTER (WHERE d.is_canonical) AS headline,
       min(d.seen_on) AS first_seen,
       min(d.published_on) AS first_published,
       max(d.seen_on) AS last_seen,
       count(*) AS documents,
       list(DISTINCT d.outlet) FILTER (WHERE d.outlet IS NOT NULL) AS outlets,
       list_distinct(flatten(list(d.credited_agencies))) AS agencies,
       coalesce(any_value(f.facts), 0) AS facts,
       coalesce(any_value(f.figures), 0) AS figures,
       coalesce(any_value(f.corroborated_figures), 0) AS corroborated_figures,
       coalesce(any_value(x.conflicts), 0) AS conflicts
FROM docs d
LEFT JOIN facts f USING (story_id)
LEFT JOIN conflicts x USING (story_id)
GROUP BY d.story_id;
