-- Commodity mentions per month of publication (NULL month: the document states no date).
CREATE OR REPLACE VIEW commodity_mentions_by_month AS
SELECT date_trunc('month', d.published_on) AS month,
       c.commodity,
       any_value(c.category) AS category,
       count(*) AS mentions,
       count(DISTINCT c.doc_id) AS documents
FROM commodity_mentions c
JOIN documents d USING (doc_id)
GROUP BY ALL;
