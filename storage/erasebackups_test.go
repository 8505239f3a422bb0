package storage_test

import (
	"bytes"
	"context"
	"os"
	"slices"
	"testing"

	"deckhand/game"
	"deckhand/storage"
)

// backupHoldsText reads a backup file's bytes for a text, to show that a
// backup named as holding the data really does, and one left out does not.
func backupHoldsText(t *testing.T, path, text string) bool {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(text))
}

// An erasure names exactly the backups that hold its workshop's personal
// data: not one made before the workshop existed, nor one made after the
// data was erased already; the ones made after the data was recorded, and
// the one the erasure takes first, are named, newest first.
func TestEraseNamesOnlyTheBackupsThatHoldTheData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	dir := storage.BackupDir(s.Path())
	backup := func() string {
		t.Helper()
		path, err := s.Backup(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		return path
	}
	beforeWorkshop := backup()
	w, teams := newWorkshop(t, s, d, "Erase me")
	const pseudo, note = "Wqxzpl Pseudonym", "Vbnmkq secret note"
	mustSave(t, s.SaveParticipant(ctx, w.ID, &game.Participant{TeamID: teams[0].ID, Pseudonym: pseudo, Role: "buyer", RealName: "Trkvmn Realname"}))
	mustSave(t, s.SaveNote(ctx, w.ID, &game.Note{TeamID: teams[0].ID, Kind: game.NoteIdea, Text: note}))
	afterData := backup()
	if !backupHoldsText(t, afterData, pseudo) || backupHoldsText(t, beforeWorkshop, pseudo) {
		t.Fatal("the backups do not hold what the test expects")
	}

	rep, err := s.EraseWorkshop(ctx, w.ID, true)
	if err != nil {
		t.Fatalf("EraseWorkshop: %v", err)
	}
	if len(rep.BackupsHolding) != 2 || rep.BackupsHolding[1] != afterData || slices.Contains(rep.BackupsHolding, beforeWorkshop) {
		t.Fatalf("the erasure names the backups %q; want the one it took first and %s, not %s (made before the workshop existed)",
			rep.BackupsHolding, afterData, beforeWorkshop)
	}
	takenFirst := rep.BackupsHolding[0]
	if !backupHoldsText(t, takenFirst, pseudo) || !backupHoldsText(t, takenFirst, note) {
		t.Errorf("the backup taken first, %s, is named but does not hold the data", takenFirst)
	}

	// A second erasure: the backups made since hold nothing of the data,
	// and only the two that still do are named again.
	afterErasure := backup()
	again, err := s.EraseWorkshop(ctx, w.ID, false)
	if err != nil {
		t.Fatalf("EraseWorkshop again: %v", err)
	}
	if want := []string{takenFirst, afterData}; !slices.Equal(again.BackupsHolding, want) {
		t.Errorf("the second erasure names %q; want only %q, not %s (made after the first erasure) nor the one it took first",
			again.BackupsHolding, want, afterErasure)
	}
}

// Notes are data only an erasure of notes erases: a backup that holds only
// notes is named by an erasure of notes, and not by one of names.
func TestEraseOfNamesDoesNotNameABackupHoldingOnlyNotes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	dir := storage.BackupDir(s.Path())
	w, teams := newWorkshop(t, s, d, "Notes only")
	tiger := teams[0]
	tiger.NoteTaker = "" // no note-taker: no names at all
	mustSave(t, s.SaveTeam(ctx, w.ID, &tiger))
	mustSave(t, s.SaveNote(ctx, w.ID, &game.Note{TeamID: teams[0].ID, Kind: game.NoteIdea, Text: "Lkjhgf only a note"}))
	notesOnly, err := s.Backup(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.EraseWorkshop(ctx, w.ID, false)
	if err != nil {
		t.Fatalf("EraseWorkshop: %v", err)
	}
	if slices.Contains(rep.BackupsHolding, notesOnly) {
		t.Errorf("an erasure of names names %s, which holds no name", notesOnly)
	}
	rep, err = s.EraseWorkshop(ctx, w.ID, true)
	if err != nil {
		t.Fatalf("EraseWorkshop with notes: %v", err)
	}
	if !slices.Contains(rep.BackupsHolding, notesOnly) {
		t.Errorf("an erasure of notes names %q; want %s, which holds a note's text", rep.BackupsHolding, notesOnly)
	}
}

// An erasure that reaches laptop B in a workshop file says which of B's
// backups hold the data it erased there: not one made before the workshop
// came to B, and not again on a second import of the same file.
func TestMergedErasureNamesThisLaptopsBackupsHoldingTheData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, d := openTestStore(t)
	w, teams := newWorkshop(t, a, d, "Travelling")
	const pseudo = "Hjgfdsa Travelling"
	mustSave(t, a.SaveParticipant(ctx, w.ID, &game.Participant{TeamID: teams[0].ID, Pseudonym: pseudo}))

	b, _ := laptop(t)
	dir := storage.BackupDir(b.Path())
	beforeWorkshop, err := b.Backup(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if sum := mustImport(t, b, export(t, a, w.ID, false)); len(sum.BackupsHolding) != 0 {
		t.Errorf("an import with no erasure names the backups %q", sum.BackupsHolding)
	}
	holding, err := b.Backup(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !backupHoldsText(t, holding, pseudo) {
		t.Fatal("B's backup does not hold the pseudonym")
	}

	if _, err := a.EraseWorkshop(ctx, w.ID, false); err != nil {
		t.Fatal(err)
	}
	erased := export(t, a, w.ID, false)
	if preview, err := b.PreviewImport(ctx, erased); err != nil || len(preview.BackupsHolding) != 0 {
		t.Errorf("PreviewImport = %+v, %v; a preview erases nothing, so it names no backup", preview, err)
	}
	sum := mustImport(t, b, erased)
	if want := []string{holding}; !slices.Equal(sum.BackupsHolding, want) {
		t.Errorf("the merge that brought the erasure names B's backups %q; want %q, not %s (made before the workshop came)",
			sum.BackupsHolding, want, beforeWorkshop)
	}
	if again := mustImport(t, b, erased); len(again.BackupsHolding) != 0 {
		t.Errorf("a second import of the same file names the backups %q; it brought no erasure new here", again.BackupsHolding)
	}
}

// A backup that cannot be read may hold the data: it is named rather
// than passed over.
func TestEraseNamesABackupItCannotRead(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	w, _ := newWorkshop(t, s, d, "Erase me")
	dir := storage.BackupDir(s.Path())
	damaged, err := s.Backup(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(damaged, []byte("not a database at all, but it was one"), 0o600); err != nil {
		t.Fatal(err)
	}
	rep, err := s.EraseWorkshop(ctx, w.ID, false)
	if err != nil {
		t.Fatalf("EraseWorkshop: %v", err)
	}
	if !slices.Contains(rep.BackupsHolding, damaged) {
		t.Errorf("the erasure names %q; want the unreadable backup %s among them", rep.BackupsHolding, damaged)
	}
}
