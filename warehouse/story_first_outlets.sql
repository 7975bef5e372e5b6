-- Which outlets carried each story first: every outlet of the story with the day its first
-- document was seen, ranked (1 = on the story's first day). Documents with no outlet count as
-- the outlet NULL.
CREATE OR REPLACE VIEW story_first_outlets AS
WITH per_outlet AS (
    SELECT c.story_id,
           d.outlet,
           min(coalesce(d.published_on, d.ingested_at::DATE)) AS first_seen,
           count(*) AS documents,
           arg_min(d.source_path, coalesce(d.published_on, d.ingested_at::DATE)) AS first_document,
           list_distinct(flatten(list(d.credited_agencies))) AS agencies
    FROM story_clusters c
    JOIN documents d USING (doc_id)
    GROUP BY c.story_id, d.outlet
)
SELECT story_id, outlet, first_seen, dense_rank() OVER (PARTITION BY story_id ORDER BY first_seen) AS rank,
       documents, first_document, agencies,
       count(*) OVER (PARTITION BY story_id) AS story_outlets
FROM per_outlet;
