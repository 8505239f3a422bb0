package teamfolder

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"deckhand/game"
	"deckhand/storage"
)

// TestThreeLaptopsConvergeThroughAFolder is the team folder's property
// test: three laptops, each with its own database and its own copy of the
// folder, which a badly behaved sync engine (syncEngine) keeps alike with
// random delays, reordering, cut-off copies completed later, repeats and
// conflict copies, and now and then puts an older version in place of a
// laptop's own file, keeping the newer as a conflict copy. The laptops make random changes (tables renamed,
// participants seated, renamed and leaving, cards laid, moved, rated and
// taken off, notes, a workshop deleted, an erasure) between SyncOnce runs
// on random laptops. After the engine has delivered everything and every
// laptop has synced a few times more, all three export the same workshops,
// nothing deleted is live again, and no pseudonym an erasure erased is in
// any laptop's workshop or in any file of any copy of the folder.
// DECKHAND_TEAMFOLDER_SEEDS=N runs N seeds instead of 2.
func TestThreeLaptopsConvergeThroughAFolder(t *testing.T) {
	seeds := 2
	if n, err := strconv.Atoi(os.Getenv("DECKHAND_TEAMFOLDER_SEEDS")); err == nil && n > 0 {
		seeds = n
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprintf("seed%d", seed+1), func(t *testing.T) {
			t.Parallel()
			runFolderWorld(t, seed+1)
		})
	}
}

// folderLaptop is one laptop of the property test.
type folderLaptop struct {
	name   string
	s      *storage.Store
	folder *Folder
	dir    string
}

// folderWorld is one run of the property test.
type folderWorld struct {
	t       *testing.T
	ctx     context.Context
	rng     *rand.Rand
	laptops []*folderLaptop
	ids     []string
	counter int
	// deleted are the plays and workshops taken off (never restored);
	// erased the pseudonyms an erasure erased, by workshop.
	deleted map[string]bool
	erased  map[string][]string
	ops     map[string]int
}

func runFolderWorld(t *testing.T, seed uint64) {
	ctx := context.Background()
	w := &folderWorld{t: t, ctx: ctx, rng: rand.New(rand.NewPCG(seed, seed*0x9e3779b97f4a7c15)),
		deleted: map[string]bool{}, erased: map[string][]string{}, ops: map[string]int{}}
	var dirs []string
	for _, name := range []string{"A", "B", "C"} {
		dir := filepath.Join(t.TempDir(), "Team folder")
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		l := &folderLaptop{name: name, s: newStore(t), dir: dir}
		l.folder = openFolder(t, l.s, dir, nil)
		w.laptops = append(w.laptops, l)
		dirs = append(dirs, dir)
	}
	engine := newSyncEngine(t, w.rng, dirs)
	// Two workshops, on A and on B.
	w.ids = []string{newWorkshop(t, w.laptops[0].s, seed*10), newWorkshop(t, w.laptops[1].s, seed*10+1)}

	sync := func(l *folderLaptop, i int) {
		if _, err := l.folder.SyncOnce(ctx); err != nil {
			t.Fatalf("laptop %s: SyncOnce: %v", l.name, err)
		}
		engine.upload(i)
	}
	for range 120 {
		switch i := w.rng.IntN(len(w.laptops)); w.rng.IntN(3) {
		case 0:
			if w.rng.IntN(8) == 0 {
				engine.clobber(i)
			}
			sync(w.laptops[i], i)
		default:
			w.randomChange(w.laptops[i])
		}
		engine.tick()
	}
	// The final round: everything delivered, every laptop synced, until
	// nothing moves.
	for range 4 {
		for i, l := range w.laptops {
			sync(l, i)
		}
		engine.drain()
	}
	for i, l := range w.laptops {
		if r := syncOnce(t, l.folder); len(r.Written)+len(r.Removed) > 0 || slices.ContainsFunc(r.Merged, Entry.Changed) {
			t.Errorf("laptop %s still moving after the final round: %+v", l.name, r)
		}
		engine.upload(i)
	}
	engine.drain()
	t.Logf("seed %d: changes %v; %d conflict copies made, %d own files replaced by older ones", seed, w.ops, engine.made, engine.clobbered)
	w.checkConverged(seed)
	w.checkErased(seed, dirs)
}

// checkConverged compares the three laptops' workshops, and that nothing
// deleted is live again.
func (w *folderWorld) checkConverged(seed uint64) {
	t := w.t
	for _, id := range w.ids {
		var first []byte
		for i, l := range w.laptops {
			b := w.export(l, id)
			if i == 0 {
				first = b
				continue
			}
			if !bytes.Equal(first, b) {
				t.Errorf("seed %d: workshop %s: laptop %s differs from A: %s", seed, id, l.name, firstLineDiff(first, b))
				for _, l := range w.laptops {
					t.Logf("laptop %s: problems %v", l.name, l.folder.Status().Problems)
				}
			}
		}
	}
	for _, l := range w.laptops {
		for _, id := range w.ids {
			f, err := l.s.ExportWorkshop(w.ctx, id, false)
			if err != nil {
				t.Fatal(err)
			}
			if w.deleted[id] && !f.Workshop.Deleted {
				t.Errorf("seed %d: laptop %s: the deleted workshop %s is live again", seed, l.name, id)
			}
			for _, p := range f.Plays {
				if w.deleted[p.ID] && !p.Deleted && !f.Workshop.Deleted {
					t.Errorf("seed %d: laptop %s: the play %s taken off is live again", seed, l.name, p.ID)
				}
			}
		}
	}
}

// checkErased looks for every erased pseudonym in the laptops' workshops
// and in every file of every copy of the folder.
func (w *folderWorld) checkErased(seed uint64, dirs []string) {
	t := w.t
	for id, names := range w.erased {
		for _, l := range w.laptops {
			b := w.export(l, id)
			for _, n := range names {
				if bytes.Contains(b, []byte(strconv.Quote(n))) {
					t.Errorf("seed %d: laptop %s still holds the erased pseudonym %q", seed, l.name, n)
				}
			}
		}
		for _, dir := range dirs {
			filepath.WalkDir(filepath.Join(dir, workshopsDir, id), func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, _ := os.ReadFile(path)
				for _, n := range names {
					if bytes.Contains(b, []byte(strconv.Quote(n))) {
						t.Errorf("seed %d: %s still holds the erased pseudonym %q", seed, relative(dir, path), n)
					}
				}
				return nil
			})
		}
	}
}

// export is a laptop's workshop file as written, without the device that
// wrote it: what the laptops must agree on. Of a deleted workshop that is
// its deletion: a laptop that only ever merged the deletion holds the
// tombstone and nothing of the workshop (storage/workshopdeletion.go), so
// its other fields are not compared.
func (w *folderWorld) export(l *folderLaptop, id string) []byte {
	f, err := l.s.ExportWorkshop(w.ctx, id, false)
	if err != nil {
		w.t.Fatalf("laptop %s: export %s: %v", l.name, id, err)
	}
	f.Device = ""
	if f.Workshop.Deleted {
		return []byte("deleted " + f.Workshop.ID)
	}
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, f); err != nil {
		w.t.Fatal(err)
	}
	return buf.Bytes()
}

func firstLineDiff(a, b []byte) string {
	la, lb := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d: %q against %q; before it:\n%s", i+1, x, y, strings.Join(la[max(0, i-12):i], "\n"))
		}
	}
	return "they differ"
}

// unique is a text no other change uses, so that it can be looked for.
func (w *folderWorld) unique(l *folderLaptop, what string) string {
	w.counter++
	return fmt.Sprintf("%s-%s-%04d", what, l.name, w.counter)
}

// randomChange makes one random change on a workshop the laptop has live.
func (w *folderWorld) randomChange(l *folderLaptop) {
	t, ctx, rng, s := w.t, w.ctx, w.rng, l.s
	var live []*game.File
	for _, id := range w.ids {
		if f, err := s.Session(ctx, id, true); err == nil && !f.Workshop.Deleted {
			live = append(live, f)
		}
	}
	if len(live) == 0 {
		return
	}
	f := live[rng.IntN(len(live))]
	id := f.Workshop.ID
	var teams []game.Team
	for _, tm := range f.Teams {
		if !tm.Deleted {
			teams = append(teams, tm)
		}
	}
	var plays []game.Play
	for _, p := range f.Plays {
		if !p.Deleted {
			plays = append(plays, p)
		}
	}
	var people []game.Participant
	for _, p := range f.Participants {
		if !p.Deleted {
			people = append(people, p)
		}
	}
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("laptop %s: %s: %v", l.name, what, err)
		}
		w.ops[what]++
	}
	deck := f.Workshop.Deck
	switch op := rng.IntN(20); {
	case op < 4 && len(teams) > 0:
		var codes []string
		for _, c := range deck.Cards {
			if c.Type == game.TypeRoutine {
				codes = append(codes, c.Code)
			}
		}
		area := deck.Board.Areas[rng.IntN(len(deck.Board.Areas))].Key
		p := &game.Play{TeamID: teams[rng.IntN(len(teams))].ID, Code: codes[rng.IntN(len(codes))], Area: area, Position: rng.IntN(5)}
		must("play", s.SavePlay(ctx, id, p))
	case op < 6 && len(plays) > 0:
		p := plays[rng.IntN(len(plays))]
		p.Area = deck.Board.Areas[rng.IntN(len(deck.Board.Areas))].Key
		must("move", s.SavePlay(ctx, id, &p))
	case op < 9 && len(plays) > 0:
		c := deck.Criteria[rng.IntN(len(deck.Criteria))]
		r := &game.Rating{PlayID: plays[rng.IntN(len(plays))].ID, Criterion: c.Key, Value: c.Min + rng.IntN(c.Max-c.Min+1), Rater: game.RaterTeam}
		must("rating", s.AddRating(ctx, id, r))
	case op < 10 && len(plays) > 0:
		p := plays[rng.IntN(len(plays))]
		must("take off", s.DeletePlay(ctx, p.ID))
		w.deleted[p.ID] = true
	case op < 12 && len(teams) > 0:
		p := &game.Participant{TeamID: teams[rng.IntN(len(teams))].ID, Pseudonym: w.unique(l, "Seated"), Role: "sales"}
		must("seat", s.SaveParticipant(ctx, id, p))
	case op < 14 && len(people) > 0:
		p := people[rng.IntN(len(people))]
		p.Pseudonym = w.unique(l, "Renamed")
		must("rename", s.SaveParticipant(ctx, id, &p))
	case op < 15 && len(people) > 0:
		p := people[rng.IntN(len(people))]
		p.Deleted = true
		must("leave", s.SaveParticipant(ctx, id, &p))
	case op < 16:
		n := &game.Note{Kind: game.NoteKinds[rng.IntN(len(game.NoteKinds))], Text: w.unique(l, "Note")}
		must("note", s.SaveNote(ctx, id, n))
	case op < 17 && len(teams) > 0:
		tm := teams[rng.IntN(len(teams))]
		tm.Name = w.unique(l, "Table")
		must("rename table", s.SaveTeam(ctx, id, &tm))
	case op == 17 && len(w.erased[id]) == 0 && rng.IntN(2) == 0:
		// What the erasing laptop holds is erased everywhere.
		for _, p := range f.Participants {
			if p.Pseudonym != storage.ErasedText {
				w.erased[id] = append(w.erased[id], p.Pseudonym)
			}
		}
		_, err := s.EraseWorkshop(ctx, id, false)
		must("erasure", err)
	case op == 18 && id == w.ids[1] && !w.deleted[id] && rng.IntN(3) == 0:
		must("delete workshop", s.DeleteWorkshop(ctx, id))
		w.deleted[id] = true
	}
}
