-- Reports of one story that disagree, each side with its document, outlet, agency and evidence.
CREATE OR REPLACE VIEW conflicting_reports AS
SELECT x.story_id,
       x.fact_type,
       x.attribute,
       x.label,
       a.source_path AS document,
       x.outlet,
       x.agency,
       x.reported,
       x.evidence,
       b.source_path AS other_document,
       x.other_outlet,
       x.other_agency,
       x.other_reported,
       x.other_evidence,
       x.conflict_id
FROM fact_conflicts x
JOIN documents a ON a.doc_id = x.doc_id
JOIN documents b ON b.doc_id = x.other_doc_id;
