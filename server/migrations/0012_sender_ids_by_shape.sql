-- Sender IDs were kept under one kind for both intake shapes, so a marketplace's LeadId
-- and a CRM's externalId of the same value were taken for one lead. From now on each
-- shape keeps its own (`external:referrals`, `external:marketplace-leads`). The IDs
-- stored before cannot be told apart: they keep their old meaning under
-- `external:legacy`, where either shape sending one again is answered with its lead.
UPDATE ingested_leads SET kind = 'external:legacy' WHERE kind = 'external';
