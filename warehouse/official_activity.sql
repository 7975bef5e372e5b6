-- Each official's meetings over time, one row per (official, meeting).
CREATE OR REPLACE VIEW official_activity AS
SELECT o.official_id,
       o.name,
       o.title,
       o.country,
       m.meeting_id,
       m.kind,
       m.status,
       m.what,
       m.location,
       m.location_country,
       coalesce(m.date_start, d.published_on) AS on_date,
       m.date_text,
       m.doc_id,
       m.evidence
FROM meeting_participants p
JOIN officials o USING (official_id)
JOIN meetings m USING (meeting_id)
JOIN documents d ON d.doc_id = m.doc_id;
