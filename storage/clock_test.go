package storage

import (
	"path/filepath"
	"testing"
	"time"
)

func TestClockNeverGoesBack(t *testing.T) {
	var c clock
	noon := time.Date(2026, 3, 12, 12, 0, 0, 0, time.UTC)
	first := c.next(noon)
	if !first.Equal(noon) {
		t.Errorf("first stamp %v; want the wall clock %v", first, noon)
	}
	// The wall clock stands still, or goes back: the stamps still go on.
	second := c.next(noon)
	third := c.next(noon.Add(-time.Hour))
	if !second.After(first) || !third.After(second) || third.Sub(first) != 2*time.Nanosecond {
		t.Errorf("stamps %v, %v, %v; want each a nanosecond after the one before", first, second, third)
	}
	// A floor (the version an edit replaces) is passed.
	ahead := noon.Add(10 * time.Minute)
	if got := c.next(noon, ahead); !got.Equal(ahead.Add(time.Nanosecond)) {
		t.Errorf("stamp after a version from a fast clock: %v; want %v", got, ahead.Add(time.Nanosecond))
	}
	// A stamp seen in an imported file is passed by every later stamp.
	c.see(noon.Add(time.Hour))
	if got := c.next(noon); !got.After(noon.Add(time.Hour)) {
		t.Errorf("stamp after seeing one an hour ahead: %v", got)
	}
	// The wall clock wins again once it is ahead.
	later := noon.Add(2 * time.Hour)
	if got := c.next(later); !got.Equal(later) {
		t.Errorf("stamp once the wall clock is ahead: %v; want %v", got, later)
	}
}

// A store reopened later starts its clock from the latest stamp stored, so
// an edit after a restart is never older than one before it, even when
// the laptop's clock was set back in between.
func TestClockStartsFromTheLatestStoredStamp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deckhand.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ahead := time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return ahead }
	stamped := s.stamp(priorRow{})
	if _, err := s.db.Exec(`INSERT INTO erasures (id, workshop_id, what, erased_at, device_id) VALUES ('e', 'w', 'names', ?, 'd')`, timeText(stamped)); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Now = func() time.Time { return ahead.Add(-24 * time.Hour) }
	if got := s.stamp(priorRow{}); !got.After(stamped) {
		t.Errorf("first stamp after reopening: %v; want after %v, the latest stored", got, stamped)
	}
}
