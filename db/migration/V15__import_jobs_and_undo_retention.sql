-- Imports run as jobs: a batch is 'queued' or 'running' until it ends 'applied', 'partially-applied', 'refused' or
-- 'failed' (an outage or a restart while it ran; nothing of it applied).
ALTER TABLE import_batch DROP CONSTRAINT import_batch_outcome;
ALTER TABLE import_batch ADD CONSTRAINT import_batch_outcome CHECK (outcome IN
    ('queued', 'running', 'applied', 'partially-applied', 'refused', 'failed', 'undone'));

-- Undo data is kept for the latest batches only: when it is pruned, the batch says when and why.
ALTER TABLE import_batch ADD COLUMN undo_pruned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE import_batch ADD COLUMN undo_pruned_reason VARCHAR(200);

-- The errors of a batch (at most 1000, as the import answer lists them), so a job's errors survive its request.
CREATE TABLE import_error (
    batch_id  BIGINT NOT NULL REFERENCES import_batch (id),
    seq       INTEGER NOT NULL,
    line_no   BIGINT NOT NULL,
    field     VARCHAR(100) NOT NULL,
    message   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (batch_id, seq)
);

-- The stage holds one import at a time and is read whole: an index would only slow its bulk writes.
DROP INDEX import_stage_batch_idx;
