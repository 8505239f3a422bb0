package storage_test

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"deckhand/storage"
)

// recordPrint records a print job of the given kind for the deck, to a file
// in the test's temporary folder.
func recordPrint(t *testing.T, s *storage.Store, deckID, kind string) *storage.PrintJob {
	t.Helper()
	job := &storage.PrintJob{
		DeckID:   deckID,
		Kind:     kind,
		Settings: map[string]string{"paper": "A4", "bleed": "3mm"},
		File:     filepath.Join(t.TempDir(), kind+".pdf"),
	}
	if err := s.RecordPrint(context.Background(), job); err != nil {
		t.Fatalf("RecordPrint(%s): %v", kind, err)
	}
	return job
}

// editCard gives the card with the code a new English title.
func editCard(t *testing.T, s *storage.Store, deckID, code string) {
	t.Helper()
	c := cardByCode(t, mustDeck(t, s, deckID), code)
	c.Title["en"] += " (edited)"
	if err := s.SaveCard(context.Background(), deckID, &c); err != nil {
		t.Fatal(err)
	}
}

func TestRecordPrintSetsTheEditionAndMarksTheDeckPrinted(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	first := recordPrint(t, s, d.ID, "cards")
	if first.ID == "" {
		t.Error("RecordPrint left the job without an id")
	}
	if first.Edition != 1 {
		t.Errorf("first print: Edition = %d, want 1", first.Edition)
	}
	if first.At.IsZero() || first.At.Location() != time.UTC {
		t.Errorf("first print: At = %v; want a UTC time", first.At)
	}
	changeCard(t, s, d.ID)
	if got := mustDeck(t, s, d.ID).Edition; got != 2 {
		t.Fatalf("the first save after a recorded print left edition %d, want 2", got)
	}
	second := recordPrint(t, s, d.ID, "kit")
	if second.Edition != 2 {
		t.Errorf("print after the change: Edition = %d, want 2", second.Edition)
	}
	changeCard(t, s, d.ID)
	if got := mustDeck(t, s, d.ID).Edition; got != 3 {
		t.Errorf("the first save after the second print left edition %d, want 3", got)
	}
	s.Close()
	db := rawDB(t, s.Path())
	if got := queryInt(t, db, "SELECT printed_edition FROM decks WHERE id = ?", d.ID); got != 2 {
		t.Errorf("printed_edition in the file = %d, want 2", got)
	}
	if got := queryInt(t, db, "SELECT COUNT(*) FROM print_jobs WHERE deck_id = ?", d.ID); got != 2 {
		t.Errorf("print_jobs rows in the file = %d, want 2", got)
	}
}

func TestRecordPrintOfACalibrationPageDoesNotMarkTheDeckPrinted(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	job := recordPrint(t, s, d.ID, storage.PrintCalibration)
	if job.Edition != 1 {
		t.Errorf("calibration: Edition = %d, want 1", job.Edition)
	}
	changeCard(t, s, d.ID)
	if got := mustDeck(t, s, d.ID).Edition; got != 1 {
		t.Errorf("a save after printing only a calibration page gave edition %d, want 1", got)
	}
	jobs, err := s.PrintJobs(context.Background(), d.ID)
	if err != nil || len(jobs) != 1 || jobs[0].Kind != storage.PrintCalibration {
		t.Errorf("PrintJobs = %+v, %v; want the calibration page", jobs, err)
	}
}

func TestPrintJobsNewestFirstWithEveryField(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	other, err := s.CloneDeck(ctx, d.ID, "Acme", "Acme Oy")
	if err != nil {
		t.Fatal(err)
	}
	if jobs, err := s.PrintJobs(ctx, d.ID); err != nil || len(jobs) != 0 {
		t.Errorf("PrintJobs before any print = %+v, %v; want none", jobs, err)
	}
	cardsJob := &storage.PrintJob{
		DeckID:   d.ID,
		Kind:     "cards",
		Settings: map[string]string{"paper": "A4", "crop_marks": "yes", "lang": "fi"},
		File:     filepath.Join(t.TempDir(), "cards.pdf"),
		Codes:    []string{"R07", "R40"},
	}
	backsJob := &storage.PrintJob{ID: "0f4f4b4e-made-by-the-caller", DeckID: d.ID, Kind: "backs", File: "/tmp/backs.pdf"}
	for _, job := range []*storage.PrintJob{cardsJob, backsJob} {
		if err := s.RecordPrint(ctx, job); err != nil {
			t.Fatal(err)
		}
	}
	recordPrint(t, s, other.ID, "cards")
	changeCard(t, s, d.ID)
	guide := recordPrint(t, s, d.ID, "guide")

	if backsJob.ID != "0f4f4b4e-made-by-the-caller" {
		t.Errorf("RecordPrint replaced the caller's id with %s", backsJob.ID)
	}
	// A retried call with the same id records nothing new and reports the
	// job as first stored, though the deck has moved on to edition 2.
	retry := *cardsJob
	retry.At, retry.Edition = time.Time{}, 0
	if err := s.RecordPrint(ctx, &retry); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(retry, *cardsJob) {
		t.Errorf("retried RecordPrint gave\n%+v\nwant\n%+v", retry, *cardsJob)
	}

	jobs, err := s.PrintJobs(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []storage.PrintJob{*guide, *backsJob, *cardsJob}
	if !reflect.DeepEqual(jobs, want) {
		t.Errorf("PrintJobs =\n%+v\nwant\n%+v", jobs, want)
	}
	if guide.Edition != 2 || cardsJob.Edition != 1 || backsJob.Edition != 1 {
		t.Errorf("editions of guide, backs, cards = %d, %d, %d; want 2, 1, 1", guide.Edition, backsJob.Edition, cardsJob.Edition)
	}
	if jobs, err := s.PrintJobs(ctx, other.ID); err != nil || len(jobs) != 1 || jobs[0].DeckID != other.ID {
		t.Errorf("PrintJobs(other deck) = %+v, %v; want its one job", jobs, err)
	}
}

func TestChangedSinceReturnsTheCardsEditedAfterThePrint(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	editCard(t, s, d.ID, "R01") // before the print: not changed since
	recordPrint(t, s, d.ID, "cards")
	if got, err := s.ChangedSince(ctx, d.ID, 1); err != nil || len(got) != 0 {
		t.Errorf("ChangedSince right after the print = %v, %v; want none", got, err)
	}
	editCard(t, s, d.ID, "R40")
	editCard(t, s, d.ID, "I03")
	editCard(t, s, d.ID, "R07")
	editCard(t, s, d.ID, "R40") // twice: still once
	editCard(t, s, d.ID, "C02")
	if err := s.DeleteCard(ctx, d.ID, cardByCode(t, d, "C02").ID); err != nil { // edited, then deleted
		t.Fatal(err)
	}
	got, err := s.ChangedSince(ctx, d.ID, 1)
	if want := []string{"R07", "R40", "I03"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ChangedSince(1) = %v, %v; want %v in deck order", got, err, want)
	}

	// The deck is at edition 2 now; it has not been printed at it.
	if _, err := s.ChangedSince(ctx, d.ID, 2); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("ChangedSince(edition never printed) err = %v; want ErrNotFound", err)
	}
	// Calibration pages are no print of the deck.
	recordPrint(t, s, d.ID, storage.PrintCalibration)
	if _, err := s.ChangedSince(ctx, d.ID, 2); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("ChangedSince after a calibration page err = %v; want ErrNotFound", err)
	}
	// Each edition compares with its own print.
	recordPrint(t, s, d.ID, "cards")
	editCard(t, s, d.ID, "B04")
	editCard(t, s, d.ID, "R02")
	if got, err := s.ChangedSince(ctx, d.ID, 2); err != nil || !reflect.DeepEqual(got, []string{"R02", "B04"}) {
		t.Errorf("ChangedSince(2) = %v, %v; want [R02 B04]", got, err)
	}
	got, err = s.ChangedSince(ctx, d.ID, 1)
	if want := []string{"R02", "R07", "R40", "I03", "B04"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ChangedSince(1) after more edits = %v, %v; want %v", got, err, want)
	}
	if _, err := s.ChangedSince(ctx, "no-such-deck", 1); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("ChangedSince(unknown deck) err = %v; want ErrNotFound", err)
	}
}

// Stored times drop trailing zeros ("…:01Z", "…:01.5Z"), so their texts do
// not sort as time; a card saved half a second after a print on the whole
// second is still changed since.
func TestChangedSinceComparesTimesNotTheirTexts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	now := time.Date(2025, 3, 2, 10, 0, 1, 0, time.UTC)
	s.Now = func() time.Time { return now }
	recordPrint(t, s, d.ID, "cards")
	now = now.Add(500 * time.Millisecond)
	editCard(t, s, d.ID, "R40")
	got, err := s.ChangedSince(ctx, d.ID, 1)
	if err != nil || !reflect.DeepEqual(got, []string{"R40"}) {
		t.Errorf("ChangedSince = %v, %v; want [R40]", got, err)
	}
	// And the newest print is the one after the whole second.
	now = now.Add(500 * time.Millisecond) // 10:00:02Z
	edition2 := recordPrint(t, s, d.ID, "cards")
	now = now.Add(-time.Second + 900*time.Millisecond) // 10:00:01.9Z, a clock set back
	recordPrint(t, s, d.ID, "backs")
	if jobs, err := s.PrintJobs(ctx, d.ID); err != nil || len(jobs) != 3 || jobs[0].ID != edition2.ID {
		t.Errorf("PrintJobs = %+v, %v; want the 10:00:02 job first", jobs, err)
	}
}

func TestRecordPrintForADeletedDeckWritesNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	if err := s.DeleteDeck(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	for _, deckID := range []string{d.ID, "no-such-deck"} {
		job := &storage.PrintJob{DeckID: deckID, Kind: "cards", File: filepath.Join(t.TempDir(), "cards.pdf")}
		if err := s.RecordPrint(ctx, job); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("RecordPrint(%s) err = %v; want ErrNotFound", deckID, err)
		}
	}
	if err := s.RestoreDeck(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	changeCard(t, s, d.ID)
	if got := mustDeck(t, s, d.ID).Edition; got != 1 {
		t.Errorf("a failed RecordPrint marked the deck printed: edition %d after a save, want 1", got)
	}
	db := rawDB(t, s.Path())
	if got := queryInt(t, db, "SELECT COUNT(*) FROM print_jobs"); got != 0 {
		t.Errorf("print_jobs has %d rows after failed records, want 0", got)
	}
}

func TestRecordPrintChecksTheJob(t *testing.T) {
	t.Parallel()
	s, d := openTestStore(t)
	for _, job := range []storage.PrintJob{
		{DeckID: d.ID, File: "/tmp/cards.pdf"},
		{DeckID: d.ID, Kind: "cards", File: "cards.pdf"},
		{DeckID: d.ID, Kind: "cards"},
	} {
		if err := s.RecordPrint(context.Background(), &job); err == nil {
			t.Errorf("RecordPrint(%+v) succeeded; want an error", job)
		}
	}
	if jobs, err := s.PrintJobs(context.Background(), d.ID); err != nil || len(jobs) != 0 {
		t.Errorf("PrintJobs = %+v, %v; want none", jobs, err)
	}
}

// "Reprint only what changed" compares with the last print of the cards,
// not with a board or sheets printed since.
func TestChangedSinceLastPrintFollowsTheCardsPrint(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	if _, _, err := s.ChangedSinceLastPrint(ctx, d.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("before any print: err = %v; want ErrNotFound", err)
	}
	recordPrint(t, s, d.ID, "cards")
	editCard(t, s, d.ID, "R07")
	recordPrint(t, s, d.ID, "board") // edition 2, but no cards printed
	editCard(t, s, d.ID, "I02")
	codes, edition, err := s.ChangedSinceLastPrint(ctx, d.ID)
	if err != nil || edition != 1 || !reflect.DeepEqual(codes, []string{"R07", "I02"}) {
		t.Errorf("ChangedSinceLastPrint = %v, edition %d, %v; want [R07 I02] since edition 1", codes, edition, err)
	}
}
