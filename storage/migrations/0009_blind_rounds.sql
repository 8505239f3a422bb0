-- Schema 9: a blind round not yet revealed is kept with the workshop it is
-- played in, so that only revealing it ends it: not opening another
-- workshop, a restart, nor taking its card off the board and back. It is
-- this laptop's: the round is the note-taker's, and it does not travel in
-- the workshop file. before holds, as a JSON array, the ids of the play's
-- ratings when the round began: only ratings made since count as given in
-- it; raters the ids of the table's participants in the order they were
-- numbered then, so that someone seated during the round takes the next
-- number and nobody's number changes. One round at a time in a workshop.

CREATE TABLE blind_rounds (
	workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
	play_id     TEXT NOT NULL,
	team_id     TEXT NOT NULL,
	before      TEXT NOT NULL DEFAULT '[]',
	raters      TEXT NOT NULL DEFAULT '[]',
	started_at  TEXT NOT NULL
) STRICT;
