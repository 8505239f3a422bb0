package storage

import (
	"time"

	"deckhand/message"

	"deckhand/game"
)

// maxClockDrift is how far ahead of this laptop's clock a stamp in an
// imported file may be. Laptops in one workshop room agree on the time to
// within minutes; a stamp more than a day ahead comes from a clock set
// wrong (a year typed as 2072, a dead clock battery, a hand-edited file).
// Merged, it would move the store's hybrid logical clock there for good:
// every later change on this laptop would carry a stamp after it, and any
// file with such a stamp would win every merge. Hybrid logical clocks
// bound the drift they accept for that reason.
const maxClockDrift = 24 * time.Hour

// checkStamps refuses a file holding a stamp more than maxClockDrift after
// this laptop's clock, naming the latest stamp and what to do, before
// anything is written. The file is refused whole rather than clamped: a
// clamped stamp would differ from laptop to laptop (each clamps to its own
// clock), and the laptops would no longer converge.
func (s *Store) checkStamps(in *game.File) error {
	return s.checkStampTimes(fileStamps(in))
}

// checkStampTimes is checkStamps of a file's stamps, of any kind of file.
func (s *Store) checkStampTimes(stamps []time.Time) error {
	var latest time.Time
	for _, t := range stamps {
		if t.After(latest) {
			latest = t
		}
	}
	now := s.Now().UTC()
	if !latest.After(now.Add(maxClockDrift)) {
		return nil
	}
	// The reason is a sentence of its own, translated apart from the lead.
	return withKind(ErrBadFile, "the file cannot be imported: %s", message.Say(
		"it holds a change stamped %s, more than a day after this laptop's clock (%s); nothing was merged. Set right whichever clock is wrong; if it is the other laptop's, make its changes again on a laptop with the right time, as its file keeps the wrong stamps",
		latest.Format(stampShown), now.Format(stampShown)))
}

// stampShown is how a stamp reads in a sentence.
const stampShown = "2006-01-02 15:04 UTC"
