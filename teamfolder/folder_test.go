package teamfolder

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// Two laptops share a workshop through the folder: the first writes its
// file, the second merges it and writes its own, and neither reads its
// own file back.
func TestTwoLaptopsShareAWorkshop(t *testing.T) {
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	id := newWorkshop(t, a, 1)
	fa, fb := openFolder(t, a, dir, nil), openFolder(t, b, dir, nil)
	r := syncOnce(t, fa)
	if len(r.Written) != 1 || r.Written[0].Path != "workshops/"+id+"/"+fa.Device()+".json" || len(r.Merged) != 0 {
		t.Fatalf("first laptop: %+v; want its file written and nothing merged", r)
	}
	r = syncOnce(t, fb)
	if len(r.Merged) != 1 || r.Merged[0].Added == 0 || r.Merged[0].Workshop != id {
		t.Fatalf("second laptop: merged %+v; want the first's file with its records added", r.Merged)
	}
	if len(r.Written) != 1 || r.Written[0].Workshop != id {
		t.Fatalf("second laptop wrote %+v; want its own file of the merged workshop", r.Written)
	}
	want, _ := a.ExportWorkshop(context.Background(), id, false)
	got, err := b.ExportWorkshop(context.Background(), id, false)
	if err != nil || len(got.Plays) != len(want.Plays) || len(got.Plays) == 0 {
		t.Fatalf("second laptop holds %v plays (%v); want %d", len(got.Plays), err, len(want.Plays))
	}
	r = syncOnce(t, fa)
	if len(r.Merged) != 1 || r.Merged[0].Changed() || len(r.Written) != 0 {
		t.Fatalf("first laptop, merging the second's file of the same workshop: %+v; want it merged with no change and nothing written", r)
	}
	st := fb.Status()
	if len(st.Devices) != 2 || !st.Devices[0].This || st.Devices[0].ID != fb.Device() || st.Devices[1].ID != fa.Device() ||
		st.Devices[1].Name != fa.opts.Name || len(st.Devices[1].Workshops) != 1 || st.LastRead.IsZero() || st.LastWritten.IsZero() {
		t.Fatalf("status of the second laptop: %+v", st)
	}
}

// A file cut off by a sync engine mid-copy is left, never half merged,
// and merged once it is whole.
func TestTruncatedFileSkippedThenMerged(t *testing.T) {
	sh := written(t, 2)
	b, fb, id, path := sh.b, sh.fb, sh.id, sh.path
	whole, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	r := syncOnce(t, fb)
	if len(r.Merged) != 0 || len(r.Skipped) != 1 || !strings.Contains(r.Skipped[0].Why.String(), "not a whole workshop file yet") {
		t.Fatalf("half a file: %+v; want it skipped as not whole yet", r)
	}
	if f, err := b.Session(context.Background(), id, true); err == nil {
		t.Fatalf("half a file merged %d plays", len(f.Plays))
	}
	if p := fb.Status().Problems; len(p) != 1 || !strings.Contains(p[0].String(), "tried again later") {
		t.Fatalf("status problems %v; want the file not whole yet", p)
	}
	if err := os.WriteFile(path, whole, 0o644); err != nil {
		t.Fatal(err)
	}
	r = syncOnce(t, fb)
	if len(r.Merged) != 1 || r.Merged[0].Added == 0 {
		t.Fatalf("the whole file: %+v; want it merged", r)
	}
	if p := fb.Status().Problems; len(p) != 0 {
		t.Fatalf("status problems %v after the file was whole; want none", p)
	}
}

// A file from a newer Deckhand is left alone, said so in one sentence,
// and not read again until it changes.
func TestNewerVersionFileLeftAlone(t *testing.T) {
	sh := written(t, 3)
	b, fb, id, path := sh.b, sh.fb, sh.id, sh.path
	data, _ := os.ReadFile(path)
	newer := bytes.Replace(data, []byte(`"version": 4`), []byte(`"version": 99`), 1)
	if bytes.Equal(newer, data) || game.FileVersion != 4 {
		t.Fatal("the file's version is not where the test looks for it")
	}
	if err := os.WriteFile(path, newer, 0o644); err != nil {
		t.Fatal(err)
	}
	setOld(t, path)
	r := syncOnce(t, fb)
	if len(r.Merged) != 0 || len(r.Skipped) != 1 {
		t.Fatalf("newer file: %+v; want it left alone", r)
	}
	want := "was written by a newer Deckhand (workshop file version 99; this one reads up to 4) and was left alone"
	if p := fb.Status().Problems; len(p) != 1 || !strings.Contains(p[0].String(), want) || p[0].Format == p[0].String() {
		t.Fatalf("status problems %v; want one sentence saying %q", p, want)
	}
	if _, err := b.Session(context.Background(), id, true); err == nil {
		t.Fatal("the newer file was merged")
	}
	// Still there and unchanged: still left alone, still said.
	r = syncOnce(t, fb)
	if len(r.Skipped) != 1 || len(fb.Status().Problems) != 1 {
		t.Fatalf("second pass: %+v, problems %v", r, fb.Status().Problems)
	}
}

// What was merged is remembered beside the database: a restart reads
// nothing again, and writes nothing again.
func TestIndexSurvivesARestart(t *testing.T) {
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	for seed := range uint64(5) {
		newWorkshop(t, a, 10+seed)
	}
	syncOnce(t, openFolder(t, a, dir, nil))
	fb := openFolder(t, b, dir, nil)
	if r := syncOnce(t, fb); len(r.Merged) != 5 || len(r.Written) != 5 {
		t.Fatalf("first sync: %d merged, %d written; want 5 and 5", len(r.Merged), len(r.Written))
	}
	if err := fb.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(b.Path() + ".teamfolder.json"); err != nil {
		t.Fatalf("no index beside the database: %v", err)
	}
	// Times far enough back for the stats to be trusted.
	for _, p := range mustGlob(t, filepath.Join(dir, workshopsDir, "*", "*.json")) {
		setOld(t, p)
	}
	syncOnce(t, openFolder(t, b, dir, nil)) // notes the old times
	r := syncOnce(t, openFolder(t, b, dir, nil))
	if len(r.Merged) != 0 || len(r.Written) != 0 || r.Unchanged != 5 {
		t.Fatalf("after a restart: %d merged, %d written, %d unchanged; want 0, 0, 5", len(r.Merged), len(r.Written), r.Unchanged)
	}
	// Another folder starts afresh.
	other := t.TempDir()
	if r := syncOnce(t, openFolder(t, b, other, nil)); len(r.Written) != 5 {
		t.Fatalf("a new folder: %d written; want every workshop", len(r.Written))
	}
}

// A conflict copy (here of this laptop's own name, someone else's file
// renamed) is merged, and removed once this laptop's file carries it.
func TestConflictCopyMergedThenRemoved(t *testing.T) {
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	id := newWorkshop(t, a, 4)
	fa, fb := openFolder(t, a, dir, nil), openFolder(t, b, dir, nil)
	syncOnce(t, fa)
	own := workshopPath(dir, id, fa.Device())
	copyName := filepath.Join(filepath.Dir(own), fb.Device()+".sync-conflict-20261201-101010-ABCDEFG.json")
	if err := os.Rename(own, copyName); err != nil {
		t.Fatal(err)
	}
	r := syncOnce(t, fb)
	if len(r.Merged) != 1 || r.Merged[0].Added == 0 {
		t.Fatalf("conflict copy: %+v; want it merged", r)
	}
	if len(r.Removed) != 1 || r.Removed[0] != relative(dir, copyName) {
		t.Fatalf("removed %v; want the conflict copy", r.Removed)
	}
	if _, err := os.Stat(copyName); !os.IsNotExist(err) {
		t.Fatalf("the conflict copy is still there: %v", err)
	}
	if _, err := os.Stat(workshopPath(dir, id, fb.Device())); err != nil {
		t.Fatalf("the laptop's own file, which carries the copy, is missing: %v", err)
	}
}

// The folder must be there and writable: one sentence otherwise.
func TestMissingFolderRefused(t *testing.T) {
	s := newStore(t)
	missing := filepath.Join(t.TempDir(), "gone")
	_, err := Open(Options{Store: s, Dir: missing})
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("Open of a missing folder: %v", err)
	}
	dir := t.TempDir()
	f := openFolder(t, s, dir, nil)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := f.SyncOnce(context.Background()); err == nil || !strings.Contains(err.Error(), "does not exist") && !strings.Contains(err.Error(), "cannot be written") {
		t.Fatalf("SyncOnce of a folder gone: %v", err)
	}
	if p := f.Status().Problems; len(p) != 1 {
		t.Fatalf("status problems %v; want the folder's", p)
	}
}

func mustGlob(t *testing.T, pattern string) []string {
	t.Helper()
	m, err := filepath.Glob(pattern)
	if err != nil || len(m) == 0 {
		t.Fatalf("glob %s: %v, %d", pattern, err, len(m))
	}
	return m
}

// Preview counts what joining a folder would bring, and changes nothing:
// no merge, no index, no file of this laptop's written.
func TestPreviewChangesNothing(t *testing.T) {
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	id := newWorkshop(t, a, 8)
	syncOnce(t, openFolder(t, a, dir, nil))
	fb := openFolder(t, b, dir, nil)
	r, err := fb.Preview(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Merged) != 1 || r.Merged[0].Added == 0 || r.Merged[0].Workshop != id || len(r.Written) != 0 {
		t.Fatalf("preview: %+v; want the workshop's records counted as added", r)
	}
	if _, err := b.Session(context.Background(), id, true); err == nil {
		t.Fatal("the preview merged the workshop")
	}
	if _, err := os.Stat(b.Path() + ".teamfolder.json"); !os.IsNotExist(err) {
		t.Fatalf("the preview wrote an index: %v", err)
	}
	added := r.Merged[0].Added
	if r := syncOnce(t, fb); len(r.Merged) != 1 || r.Merged[0].Added != added {
		t.Fatalf("the sync after the preview: %+v; want the %d records the preview counted added", r, added)
	}
}

// A file the merge refuses (a change stamped years ahead of this laptop's
// clock) is left alone with the merge's sentence, and nothing of it is
// merged.
func TestRefusedFileLeftAloneWithTheMergesSentence(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := newStore(t), newStore(t)
	id := newWorkshop(t, a, 9)
	file, err := a.ExportWorkshop(ctx, id, false)
	if err != nil {
		t.Fatal(err)
	}
	file.Workshop.Updated = time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, file); err != nil {
		t.Fatal(err)
	}
	path := workshopPath(dir, id, file.Device)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	fb := openFolder(t, b, dir, nil)
	r := syncOnce(t, fb)
	if len(r.Merged) != 0 || len(r.Skipped) != 1 {
		t.Fatalf("a file stamped 2099: %+v; want it left alone", r)
	}
	p := fb.Status().Problems
	if len(p) != 1 || !strings.Contains(p[0].String(), "was left alone: the file cannot be imported: it holds a change stamped 2099-01-01") {
		t.Fatalf("status problems %v; want the merge's sentence", p)
	}
	if _, err := b.Session(ctx, id, true); err == nil {
		t.Fatal("the refused file was merged")
	}
}

// shared is a folder into which laptop a wrote its file of a new workshop,
// and laptop b's store and folder, which has not read it yet.
type shared struct {
	dir, id, path string
	a, b          *storage.Store
	fa, fb        *Folder
}

func written(t *testing.T, seed uint64) shared {
	t.Helper()
	sh := shared{dir: t.TempDir(), a: newStore(t), b: newStore(t)}
	sh.id = newWorkshop(t, sh.a, seed)
	sh.fa, sh.fb = openFolder(t, sh.a, sh.dir, nil), openFolder(t, sh.b, sh.dir, nil)
	syncOnce(t, sh.fa)
	sh.path = workshopPath(sh.dir, sh.id, sh.fa.Device())
	return sh
}
