-- Schema 4: a record of each erasure of a workshop's personal data (see
-- EraseWorkshop). It holds no personal data itself: which workshop, what
-- was erased ('names', or 'names+notes' when the notes' texts went too),
-- when (timeText) and on which device. An import of a workshop file reads
-- it, so that an older file cannot bring erased data back. No foreign key:
-- the record outlives whatever happens to the workshop.

CREATE TABLE erasures (
    id          TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL,
    what        TEXT NOT NULL CHECK (what IN ('names', 'names+notes')),
    erased_at   TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;

CREATE INDEX erasures_by_workshop ON erasures (workshop_id, erased_at);
