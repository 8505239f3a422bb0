package storage_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// Merges decide by what each change had seen, not by the laptops' clocks:
// three laptops with controlled clocks, one on time, one fast, one slow.

// causalBase is the real time at which each of these scenarios starts.
var causalBase = time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)

// skewedLaptop is a store whose clock is off by skew from the shared real
// time *now, which the test moves.
func skewedLaptop(t *testing.T, now *time.Duration, skew time.Duration) *storage.Store {
	t.Helper()
	s, _ := openTestStore(t)
	var tick time.Duration
	s.Now = func() time.Time {
		tick += time.Microsecond
		return causalBase.Add(*now + skew + tick)
	}
	return s
}

func participantOf(t *testing.T, s *storage.Store, workshopID, id string) game.Participant {
	t.Helper()
	f := session(t, s, workshopID, true)
	i := slices.IndexFunc(f.Participants, func(p game.Participant) bool { return p.ID == id })
	if i < 0 {
		t.Fatalf("participant %s is not stored", id)
	}
	return f.Participants[i]
}

// TestSlowClockParticipantAddedAfterAnErasureSurvivesIt: laptop C runs
// five minutes slow; A erases at T; a minute later C, which has not seen
// the erasure, seats a participant (stamped T-4 min). When the files are
// exchanged, the new participant keeps its pseudonym and role on both.
func TestSlowClockParticipantAddedAfterAnErasureSurvivesIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var now time.Duration
	a := skewedLaptop(t, &now, 0)
	c := skewedLaptop(t, &now, -5*time.Minute)
	_, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "Slow clock")
	old := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Before", Role: "sales"}
	mustSave(t, a.SaveParticipant(ctx, w.ID, old))
	mustImport(t, c, export(t, a, w.ID, false))

	now += time.Hour
	if _, err := a.EraseWorkshop(ctx, w.ID, false); err != nil {
		t.Fatal(err)
	}
	now += time.Minute
	late := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Seated later", Role: "support"}
	mustSave(t, c.SaveParticipant(ctx, w.ID, late))
	erasures, err := a.Erasures(ctx, w.ID)
	if err != nil || len(erasures) != 1 || !late.Updated.Before(erasures[0]) {
		t.Fatalf("scenario: the late participant is stamped %s, the erasure %v (%v); want the participant stamped before it", late.Updated, erasures, err)
	}

	mustImport(t, c, export(t, a, w.ID, false))
	mustImport(t, a, export(t, c, w.ID, false))
	for name, s := range map[string]*storage.Store{"A": a, "C": c} {
		if p := participantOf(t, s, w.ID, late.ID); p.Pseudonym != "Seated later" || p.Role != "support" {
			t.Errorf("laptop %s: the participant seated after the erasure is %q, %q; want \"Seated later\", \"support\"", name, p.Pseudonym, p.Role)
		}
		if p := participantOf(t, s, w.ID, old.ID); p.Pseudonym != storage.ErasedText {
			t.Errorf("laptop %s: the participant seated before the erasure is %q; want it erased", name, p.Pseudonym)
		}
	}
}

// TestLaterDeleteWinsOverConcurrentEditFromFastClock: laptop B runs ten
// minutes fast and moves a card; a minute later A, which has not seen the
// move, takes the card off the board (stamped nine minutes before the
// move). Neither change had seen the other, and a delete wins over a
// concurrent edit: the card stays off the board on both. A move made
// after seeing the delete would be a restore, and is not tested here.
func TestLaterDeleteWinsOverConcurrentEditFromFastClock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var now time.Duration
	a := skewedLaptop(t, &now, 0)
	b := skewedLaptop(t, &now, 10*time.Minute)
	_, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "Fast clock")
	p := play(teams[0].ID, "R01", "collection", 0)
	mustSave(t, a.SavePlay(ctx, w.ID, p))
	mustImport(t, b, export(t, a, w.ID, false))

	now += time.Hour
	moved := *p
	moved.Area = "communication"
	mustSave(t, b.SavePlay(ctx, w.ID, &moved))
	now += time.Minute
	mustSave(t, a.DeletePlay(ctx, p.ID))

	mustImport(t, a, export(t, b, w.ID, false))
	mustImport(t, b, export(t, a, w.ID, false))
	for name, s := range map[string]*storage.Store{"A": a, "B": b} {
		if live, found := isLive(session(t, s, w.ID, true), p.ID); !found || live {
			t.Errorf("laptop %s: the card taken off the board is found=%v live=%v; want it deleted", name, found, live)
		}
	}

	// Restored by someone who had seen the delete, it is back on both.
	mustSave(t, b.RestorePlay(ctx, p.ID))
	mustImport(t, a, export(t, b, w.ID, false))
	if live, _ := isLive(session(t, a, w.ID, true), p.ID); !live {
		t.Errorf("laptop A: the card restored on B after it had seen the delete is still deleted")
	}
}

// TestEditOrDeleteWithoutSeeingAnErasureCarriesNoErasedName: no clock is
// off. A erases; B, which has not seen the erasure, takes one participant
// off the board and gives another a new role. Their versions are newer
// than the erasure, but the pseudonyms they carry are the erased ones: on
// every laptop, the eraser included, the pseudonyms read "(erased)", and
// no erased pseudonym is in either database file. The new role goes too:
// a version made without seeing the erasure of its record does not say
// which of its fields were typed anew.
func TestEditOrDeleteWithoutSeeingAnErasureCarriesNoErasedName(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var now time.Duration
	a := skewedLaptop(t, &now, 0)
	b := skewedLaptop(t, &now, 0)
	_, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "No skew")
	gone := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Leaving Anna", Role: "sales"}
	kept := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Staying Bea", Role: "sales"}
	mustSave(t, a.SaveParticipant(ctx, w.ID, gone))
	mustSave(t, a.SaveParticipant(ctx, w.ID, kept))
	note := &game.Note{Kind: game.NoteIdea, Text: "A secret idea"}
	mustSave(t, a.SaveNote(ctx, w.ID, note))
	mustImport(t, b, export(t, a, w.ID, false))

	now += time.Minute
	if _, err := a.EraseWorkshop(ctx, w.ID, true); err != nil {
		t.Fatal(err)
	}
	now += time.Minute
	g := participantOf(t, b, w.ID, gone.ID)
	g.Deleted = true
	mustSave(t, b.SaveParticipant(ctx, w.ID, &g))
	k := participantOf(t, b, w.ID, kept.ID)
	k.Role = "support"
	mustSave(t, b.SaveParticipant(ctx, w.ID, &k))
	mustSave(t, b.DeleteNote(ctx, note.ID))

	mustImport(t, a, export(t, b, w.ID, false))
	mustImport(t, b, export(t, a, w.ID, false))
	for name, s := range map[string]*storage.Store{"A": a, "B": b} {
		if p := participantOf(t, s, w.ID, gone.ID); p.Pseudonym != storage.ErasedText || !p.Deleted {
			t.Errorf("laptop %s: the participant taken off without seeing the erasure is %q (deleted=%v); want %q, deleted", name, p.Pseudonym, p.Deleted, storage.ErasedText)
		}
		if p := participantOf(t, s, w.ID, kept.ID); p.Pseudonym != storage.ErasedText || p.Role != "" {
			t.Errorf("laptop %s: the participant edited without seeing the erasure is %q, %q; want %q with no role", name, p.Pseudonym, p.Role, storage.ErasedText)
		}
		notes := session(t, s, w.ID, true).Notes
		if i := slices.IndexFunc(notes, func(n game.Note) bool { return n.ID == note.ID }); i < 0 || notes[i].Text != storage.ErasedText {
			t.Errorf("laptop %s: the note deleted without seeing the erasure is %+v; want its text erased", name, notes)
		}
		bytes := string(fileBytes(t, s.Path()))
		for _, erased := range []string{"Leaving Anna", "Staying Bea", "A secret idea"} {
			if strings.Contains(bytes, erased) {
				t.Errorf("laptop %s: the erased %q is still in the database file's bytes", name, erased)
			}
		}
	}
}

// TestFastClockNameSeenByTheErasureIsErased: laptop B runs ten minutes
// fast and seats a participant two minutes before A erases; A had merged
// B's file, so the erasure had seen the participant, whose stamp is eight
// minutes after A's wall clock. It is erased on both laptops, by what the
// erasure had seen rather than by its stamp.
func TestFastClockNameSeenByTheErasureIsErased(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var now time.Duration
	a := skewedLaptop(t, &now, 0)
	b := skewedLaptop(t, &now, 10*time.Minute)
	_, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "Fast clock names")
	mustImport(t, b, export(t, a, w.ID, false))

	now += time.Hour
	early := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Seated early", Role: "sales"}
	mustSave(t, b.SaveParticipant(ctx, w.ID, early))
	mustImport(t, a, export(t, b, w.ID, false))
	now += 2 * time.Minute
	if _, err := a.EraseWorkshop(ctx, w.ID, false); err != nil {
		t.Fatal(err)
	}
	if wall := causalBase.Add(now); !early.Updated.After(wall) {
		t.Fatalf("scenario: the participant is stamped %s; want it after A's wall clock at the erasure, %s", early.Updated, wall)
	}
	mustImport(t, b, export(t, a, w.ID, false))
	for name, s := range map[string]*storage.Store{"A": a, "B": b} {
		if p := participantOf(t, s, w.ID, early.ID); p.Pseudonym != storage.ErasedText || p.Role != "" {
			t.Errorf("laptop %s: the participant the erasure had seen is %q, %q; want it erased", name, p.Pseudonym, p.Role)
		}
		if strings.Contains(string(fileBytes(t, s.Path())), "Seated early") {
			t.Errorf("laptop %s: the erased pseudonym is still in the database file's bytes", name)
		}
	}
}

// TestEditWithoutSeeingAnErasureCarriesNoReplacedName: A renames a
// participant and a note-taker and edits a note, then erases names and
// notes; B had seen none of it and edits other fields of each record.
// B's versions carry the old values, which A had replaced before erasing
// and so holds no trace of. An erasure erases every record it had seen,
// in any version made without seeing it: on both laptops the old values
// are erased, B's own changes stay, and neither file holds an old value.
func TestEditWithoutSeeingAnErasureCarriesNoReplacedName(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var now time.Duration
	a := skewedLaptop(t, &now, 0)
	b := skewedLaptop(t, &now, 0)
	_, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "Replaced names")
	p := &game.Participant{TeamID: teams[0].ID, Pseudonym: "First Name", Role: "sales"}
	mustSave(t, a.SaveParticipant(ctx, w.ID, p))
	note := &game.Note{Kind: game.NoteIdea, Text: "First idea"}
	mustSave(t, a.SaveNote(ctx, w.ID, note))
	mustImport(t, b, export(t, a, w.ID, false))

	now += time.Minute
	renamed := *p
	renamed.Pseudonym = "Second Name"
	mustSave(t, a.SaveParticipant(ctx, w.ID, &renamed))
	tm := teams[0]
	tm.NoteTaker = "Second Taker"
	mustSave(t, a.SaveTeam(ctx, w.ID, &tm))
	edited := *note
	edited.Text = "Second idea"
	mustSave(t, a.SaveNote(ctx, w.ID, &edited))
	if _, err := a.EraseWorkshop(ctx, w.ID, true); err != nil {
		t.Fatal(err)
	}
	now += time.Minute // B, on time, edits later than all of A's changes
	onB := participantOf(t, b, w.ID, p.ID)
	onB.Role = "support"
	mustSave(t, b.SaveParticipant(ctx, w.ID, &onB))
	bTeam := session(t, b, w.ID, false).Teams[0]
	bTeam.Name = "Tigers"
	mustSave(t, b.SaveTeam(ctx, w.ID, &bTeam))
	bNote := session(t, b, w.ID, false).Notes[0]
	bNote.Kind = game.NoteConcern
	mustSave(t, b.SaveNote(ctx, w.ID, &bNote))

	mustImport(t, a, export(t, b, w.ID, false))
	mustImport(t, b, export(t, a, w.ID, false))
	for name, s := range map[string]*storage.Store{"A": a, "B": b} {
		f := session(t, s, w.ID, true)
		if got := participantOf(t, s, w.ID, p.ID); got.Pseudonym != storage.ErasedText || got.Role != "" {
			t.Errorf("laptop %s: the participant edited without seeing the erasure is %q, %q; want %q with no role", name, got.Pseudonym, got.Role, storage.ErasedText)
		}
		if tm := f.Teams[0]; tm.NoteTaker != "" || tm.Name != "Tigers" {
			t.Errorf("laptop %s: the team is %q with note-taker %q; want \"Tigers\" with none", name, tm.Name, tm.NoteTaker)
		}
		if n := f.Notes[0]; n.Text != storage.ErasedText || n.Kind != game.NoteConcern {
			t.Errorf("laptop %s: the note is %q (%s); want its text erased and the kind B gave it", name, n.Text, n.Kind)
		}
		bytes := string(fileBytes(t, s.Path()))
		for _, erased := range []string{"First Name", "Second Name", "Aino", "Second Taker", "First idea", "Second idea"} {
			if strings.Contains(bytes, erased) {
				t.Errorf("laptop %s: the erased %q is still in the database file's bytes", name, erased)
			}
		}
	}
}
