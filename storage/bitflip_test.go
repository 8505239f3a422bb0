package storage_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"deckhand/game"
	"deckhand/storage"
)

// realisticFile is a closed database with the default deck and a workshop
// day of the given number of tables: plays, ratings, notes and
// participants. It returns the file's path.
func realisticFile(tb testing.TB, tables int) string {
	tb.Helper()
	ctx := context.Background()
	s, d := openTestStore(tb)
	for wi := 0; wi < 2; wi++ {
		w, teams := newWorkshop(tb, s, d, fmt.Sprintf("Workshop day %d", wi+1))
		for ti := 2; ti < tables; ti++ {
			t := game.Team{Name: fmt.Sprintf("Table %d", ti+1)}
			mustSave(tb, s.SaveTeam(ctx, w.ID, &t))
			teams = append(teams, t)
		}
		for ti, team := range teams {
			mustSave(tb, s.SaveParticipant(ctx, w.ID, &game.Participant{TeamID: team.ID, Pseudonym: fmt.Sprintf("Fox %d", ti), Role: "analyst"}))
			for i := 0; i < 12; i++ {
				p := play(team.ID, fmt.Sprintf("R%02d", i+1), "collection", i)
				mustSave(tb, s.SavePlay(ctx, w.ID, p))
				mustSave(tb, s.AddRating(ctx, w.ID, rating(p.ID, "desirability", 1+i%5)))
				mustSave(tb, s.AddRating(ctx, w.ID, rating(p.ID, "feasibility", 1+(i+2)%5)))
				if i%3 == 0 {
					mustSave(tb, s.SaveNote(ctx, w.ID, &game.Note{PlayID: p.ID, Kind: game.NoteQuote, Text: fmt.Sprintf("We keep the values of table %d in mind, card %d, day %d", ti, i, wi+1)}))
				}
			}
		}
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// dumpFile reads every row of every table of a closed database, by table
// scan in rowid order, without changing the file. An error means the data
// could not be read back.
func dumpFile(path string) (string, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		return "", err
	}
	defer db.Close()
	tables, err := tableNames(db)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	for _, t := range tables {
		rows, err := db.Query("SELECT * FROM " + t + " NOT INDEXED ORDER BY rowid")
		if err != nil {
			return "", err
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return "", err
			}
			fmt.Fprintf(&out, "%s %q\n", t, vals)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return "", err
		}
	}
	return out.String(), nil
}

// tableNames are the names of every table of the database, in order.
func tableNames(db *sql.DB) ([]string, error) {
	names, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer names.Close()
	var tables []string
	for names.Next() {
		var n string
		if err := names.Scan(&n); err != nil {
			return nil, err
		}
		tables = append(tables, n)
	}
	return tables, names.Err()
}

// tableLeafPages are the offsets of the pages of the file that hold table
// rows (b-tree leaf pages of tables, page type 13).
func tableLeafPages(tb testing.TB, b []byte) []int {
	tb.Helper()
	size := int(binary.BigEndian.Uint16(b[16:18]))
	if size == 1 {
		size = 65536
	}
	var out []int
	for off := size; off+size <= len(b); off += size {
		if b[off] == 13 {
			out = append(out, off)
		}
	}
	if len(out) == 0 {
		tb.Fatal("the database has no table leaf pages")
	}
	return out
}

// refused opens the damaged file as the app does and runs the check; it
// reports whether either said the file is damaged.
func refused(tb testing.TB, path string) (bool, string) {
	tb.Helper()
	s, err := storage.Open(path)
	if err != nil {
		return true, err.Error()
	}
	defer s.Close()
	rep, err := s.Check(context.Background())
	if err != nil {
		return true, err.Error()
	}
	if !rep.OK {
		return true, rep.Problems[0].String()
	}
	return false, ""
}

// flipSource is a closed database of realisticFile with the given number
// of tables, its bytes and its rows as dumpFile reads them: what a flip
// test changes, and what it compares the changed file with.
func flipSource(t *testing.T, tables int) (path string, orig []byte, rows string) {
	t.Helper()
	path = realisticFile(t, tables)
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if rows, err = dumpFile(path); err != nil {
		t.Fatal(err)
	}
	return path, orig, rows
}

// writeTry writes the bytes of a flip test's try into a file of its own
// in dir, and returns its path.
func writeTry(t *testing.T, dir string, try int, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("try%03d.db", try))
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFlippedBytesAreNeverSoundWithChangedData flips one or two random
// bytes in the table pages of a real database, 200 times with a fixed
// seed. Whenever the data read back differs from the original, Open or
// Check must refuse the file: never "sound" with changed data.
func TestFlippedBytesAreNeverSoundWithChangedData(t *testing.T) {
	t.Parallel()
	_, orig, want := flipSource(t, 3)
	pages := tableLeafPages(t, orig)
	size := int(binary.BigEndian.Uint16(orig[16:18]))
	rng := rand.New(rand.NewPCG(11, 15))
	dir := t.TempDir()
	var changed, caught int
	for try := range 200 {
		b := bytes.Clone(orig)
		for range 1 + rng.IntN(2) {
			off := pages[rng.IntN(len(pages))] + rng.IntN(size)
			b[off] ^= byte(1 + rng.IntN(255))
		}
		path := writeTry(t, dir, try, b)
		got, readErr := dumpFile(path)
		if readErr == nil && got == want {
			continue // the flip landed where no data is read (free space)
		}
		changed++
		if ok, _ := refused(t, path); ok {
			caught++
			continue
		}
		after, _ := dumpFile(path)
		t.Errorf("try %d: Open and Check call the file sound, but its data changed:\n%s", try, firstDiff(want, after))
	}
	t.Logf("%d of 200 flips changed the data; %d of those were refused", changed, caught)
	if changed < 100 {
		t.Fatalf("only %d flips changed the data: the test does not reach the data", changed)
	}
}

// firstDiff is the first line where two dumps differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			return "want " + al[i] + "\n got " + bl[i]
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(bl), len(al))
}

// TestFlippedNoteTextIsNamed changes one letter of a note's text in the
// file, as a bad sector would: Open refuses the file as damaged and names
// the note, and a restore offers a backup.
func TestFlippedNoteTextIsNamed(t *testing.T) {
	t.Parallel()
	path := realisticFile(t, 2)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := []byte("We keep the values of table 1 in mind, card 3, day 2")
	// The live row and any stale copy SQLite left in a free page: one
	// letter of each.
	n := bytes.Count(b, text)
	if n == 0 {
		t.Fatal("the note's text is not in the file")
	}
	for at := bytes.Index(b, text); at >= 0; at = bytes.Index(b, text) {
		b[at+12] ^= 'v' ^ 'r' // "values" -> "ralues"
	}
	t.Logf("%d copies of the note's text changed", n)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = storage.Open(path)
	if !errors.Is(err, storage.ErrCorrupt) {
		t.Fatalf("Open of a file with a changed note = %v; want ErrCorrupt", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "a note") || !strings.Contains(msg, "notes") {
		t.Errorf("the refusal does not name the note: %s", msg)
	}
	after, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(after, b) {
		t.Errorf("the refused file was changed (%v)", err)
	}
}

// TestCheckNamesAChangedRecord changes a note's checksum behind the open
// store's back: Check names the note and the newest sound backup.
func TestCheckNamesAChangedRecord(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, w, _, _ := erasable(t)
	backup, err := s.Backup(ctx, storage.BackupDir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	var noteRow int64
	db := rawDB(t, s.Path())
	if err := db.QueryRow(`SELECT rowid FROM notes WHERE workshop_id = ?`, w.ID).Scan(&noteRow); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE notes SET row_sum = row_sum + 1 WHERE rowid = ?`, noteRow); err != nil {
		t.Fatal(err)
	}
	db.Close()
	rep, err := s.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("a note, row %d of table notes, has changed on the disk since it was saved", noteRow)
	if rep.OK || len(rep.Problems) != 1 || rep.Problems[0].String() != want {
		t.Fatalf("Check = %+v; want the one problem %q", rep, want)
	}
	if rep.Restore.Backup.Path != backup {
		t.Errorf("Check offers the backup %q; want %q", rep.Restore.Backup.Path, backup)
	}
}

// snapshotBytes are the offsets in a closed database file of bytes of its
// one deck snapshot's text: of the text in 32-byte pieces, those found
// once in the file, which lie within one page (the text runs on over
// overflow pages) and are not repeated in the JSON (a card's keys are).
func snapshotBytes(tb testing.TB, path string, b []byte) []int {
	tb.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&immutable=1")
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var text []byte
	if err := db.QueryRow(`SELECT snapshot FROM deck_snapshots`).Scan(&text); err != nil {
		tb.Fatalf("the file's one deck snapshot: %v", err)
	}
	var out []int
	for i := 0; i+32 <= len(text); i += 32 {
		piece := text[i : i+32]
		if bytes.Count(b, piece) != 1 {
			continue
		}
		at := bytes.Index(b, piece)
		for j := range piece {
			out = append(out, at+j)
		}
	}
	if len(out) < len(text)/4 {
		tb.Fatalf("only %d of the snapshot's %d bytes were found in the file", len(out), len(text))
	}
	return out
}

// TestFlippedDeckSnapshotIsNamed changes one byte of the deck snapshot the
// file's two workshops share, as a bad sector would: Open refuses the
// file as damaged and names the snapshot.
func TestFlippedDeckSnapshotIsNamed(t *testing.T) {
	t.Parallel()
	path := realisticFile(t, 2)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := snapshotBytes(t, path, b)
	b[at[len(at)/2]] ^= 0x01
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = storage.Open(path)
	if !errors.Is(err, storage.ErrCorrupt) {
		t.Fatalf("Open of a file with a changed deck snapshot = %v; want ErrCorrupt", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "a workshop's deck snapshot") || !strings.Contains(msg, "deck_snapshots") {
		t.Errorf("the refusal does not name the deck snapshot: %s", msg)
	}
}

// TestFlippedBytesInADeckSnapshotAreNeverSound flips a random byte of the
// deck snapshot's text, most of which lies in overflow pages, which
// TestFlippedBytesAreNeverSoundWithChangedData does not reach, 60 times
// with a fixed seed: each changes the snapshot, and Open or Check must
// refuse every one.
func TestFlippedBytesInADeckSnapshotAreNeverSound(t *testing.T) {
	t.Parallel()
	src, orig, want := flipSource(t, 2)
	at := snapshotBytes(t, src, orig)
	rng := rand.New(rand.NewPCG(10, 7))
	dir := t.TempDir()
	for try := range 60 {
		b := bytes.Clone(orig)
		off := at[rng.IntN(len(at))]
		b[off] ^= byte(1 + rng.IntN(255))
		path := writeTry(t, dir, try, b)
		if got, err := dumpFile(path); err == nil && got == want {
			t.Fatalf("try %d: the byte at offset %d is not the live snapshot's", try, off)
		}
		if ok, _ := refused(t, path); !ok {
			t.Errorf("try %d: a byte of the deck snapshot changed at offset %d (%q to %q), and Open and Check call the file sound",
				try, off, orig[off], b[off])
		}
	}
}
