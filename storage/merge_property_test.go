package storage_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"deckhand/game"
	"deckhand/storage"
)

// mergeLaptop is one laptop of TestThreeLaptopsConverge: its database, its
// clock's offset and the workshop files it wrote, oldest first.
type mergeLaptop struct {
	name   string
	s      *storage.Store
	device string
	files  []string
	// far is the laptop whose clock is a year ahead: its files are
	// refused everywhere, so its changes are not among those the others
	// must agree on.
	far bool
	// known is every change (its mergeChange.no) this laptop
	// has made or merged.
	known map[int]bool
}

// mergeChange is one change a laptop made to an editable record: its
// stamp, device and whether it left the record deleted.
type mergeChange struct {
	laptop  string
	device  string
	at      time.Time
	deleted bool
	op      string
	no      int          // its number, in the order made
	saw     map[int]bool // the changes its laptop had made or merged before it
	text    string       // the pseudonym or note text it set, if any
}

// mergeWorld is the state of one run of TestThreeLaptopsConverge.
type mergeWorld struct {
	t        *testing.T
	ctx      context.Context
	rng      *rand.Rand
	id       string
	dir      string
	sim      time.Duration // real time since the start, shared by the laptops
	laptops  []*mergeLaptop
	far      *mergeLaptop             // the fourth laptop, a year ahead (see runThreeLaptops)
	farRng   *rand.Rand               // its own random choices
	changes  map[string][]mergeChange // by record id (plays, notes, teams)
	kinds    map[string]string        // record id → kind
	routines []string
	areas    []string
	criteria []struct {
		key      string
		min, max int
	}
	fileNo int
	next   int                     // the number of the next change
	knows  map[string]map[int]bool // what each file's laptop knew when it wrote it
	erased []mergeErasure
	// named is every pseudonym a change set, with the stamp of that change,
	// so that the erased ones can be looked for in the files' bytes.
	named []mergeName
}

// mergeErasure is an erasure and what its laptop had seen. It is numbered
// among the changes, so that the laptops know it as they know them.
type mergeErasure struct {
	notes bool
	no    int
	saw   map[int]bool
}

// mergeName is a pseudonym or note text a change set, and when.
type mergeName struct {
	text string
	at   time.Time
	note bool
	no   int // the change that set it
}

// TestThreeLaptopsConverge is the merge's property test: three laptops,
// each with its own clock (by seed, the second and third ten minutes or
// two hours fast or slow), make random plays, moves, ratings and their
// undoing, notes, edits, deletes, participants seated and leaving, and
// erasures with someone seated just before (on the erasing laptop) and
// just after (on another that has not seen it), write workshop files and
// import each other's in random orders, stale files and repeats included.
// The test keeps what each laptop had seen (made, or merged from a file)
// when it made each change. After a full exchange all three hold the same
// workshop; a record live at the end was, after every delete of it, made
// live by a change that had seen that delete; a participant or note whose
// version an erasure had seen is erased, and so is one made without seeing
// an erasure that had seen its record, and no other is; no erased text is
// in any laptop's database file; and importing the final files again
// changes nothing.
//
// A fourth laptop, D, has its clock a year ahead. It takes part in the
// workshop (imports the others' files, makes changes, writes its own), but
// every file it writes holds stamps more than a day after the others'
// clocks, so each of them refuses it with the sentence naming the stamp
// and nothing merged (maxClockDrift): the three still converge among
// themselves, and their clocks never jump a year ahead. D itself takes
// the others' files, as their stamps lie in its past.
// DECKHAND_MERGE_SEEDS=N runs N seeds instead of 6.
func TestThreeLaptopsConverge(t *testing.T) {
	t.Parallel()
	seeds := 6
	if n, err := strconv.Atoi(os.Getenv("DECKHAND_MERGE_SEEDS")); err == nil && n > 0 {
		seeds = n
	} else if testing.Short() {
		seeds = 2
	}
	for seed := int64(1); seed <= int64(seeds); seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			t.Parallel()
			runThreeLaptops(t, seed)
		})
	}
}

func runThreeLaptops(t *testing.T, seed int64) {
	ctx := context.Background()
	w := &mergeWorld{t: t, ctx: ctx, rng: rand.New(rand.NewSource(seed)), dir: t.TempDir(),
		changes: map[string][]mergeChange{}, kinds: map[string]string{}}
	base := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	// Clocks off by ten minutes or two hours, either way, by seed.
	skews := [][]time.Duration{
		{0, 10 * time.Minute, -10 * time.Minute},
		{0, 2 * time.Hour, -2 * time.Hour},
		{0, -10 * time.Minute, 2 * time.Hour},
		{0, -2 * time.Hour, 10 * time.Minute},
	}[seed%4]
	w.knows = map[string]map[int]bool{}
	for i, name := range []string{"A", "B", "C"} {
		s := openStore(t, filepath.Join(t.TempDir(), "deckhand.db"))
		var tick time.Duration
		skew := skews[i]
		s.Now = func() time.Time {
			tick += time.Microsecond
			return base.Add(w.sim + skew + tick)
		}
		w.laptops = append(w.laptops, &mergeLaptop{name: name, s: s, known: map[int]bool{}})
	}
	{
		s := openStore(t, filepath.Join(t.TempDir(), "deckhand.db"))
		var tick time.Duration
		s.Now = func() time.Time {
			tick += time.Microsecond
			return base.AddDate(1, 0, 0).Add(w.sim + tick)
		}
		w.far = &mergeLaptop{name: "D", s: s, far: true, known: map[int]bool{}}
		w.farRng = rand.New(rand.NewSource(-seed))
	}

	// A creates the workshop; B and C import it.
	a := w.laptops[0]
	ws, _ := newWorkshop(t, a.s, defaultDeck(t), "Three laptops")
	w.id = ws.ID
	for _, c := range ws.Deck.Cards {
		if c.Type == game.TypeRoutine {
			w.routines = append(w.routines, c.Code)
		}
	}
	for _, ar := range ws.Deck.Board.Areas {
		w.areas = append(w.areas, ar.Key)
	}
	for _, c := range ws.Deck.Criteria {
		w.criteria = append(w.criteria, struct {
			key      string
			min, max int
		}{c.Key, c.Min, c.Max})
	}
	if len(w.routines) == 0 || len(w.areas) < 2 || len(w.criteria) == 0 {
		t.Fatalf("default deck: %d routines, %d areas, %d criteria", len(w.routines), len(w.areas), len(w.criteria))
	}
	first := w.export(a)
	for _, l := range w.laptops {
		if l != a {
			w.mustImport(l, first.path)
		}
		l.device = w.export(l).device(w)
	}
	w.mustImport(w.far, first.path)
	w.far.device = w.export(w.far).device(w)

	// Bursts of random work, with files exchanged between them.
	const rounds, opsPerRound = 5, 8
	for round := range rounds {
		for _, l := range w.laptops {
			for range opsPerRound {
				w.sim += time.Duration(1+w.rng.Intn(10)) * time.Second
				w.randomOp(l)
			}
			w.export(l)
		}
		w.randomExchange(round)
		w.farRound()
	}

	// Every laptop imports every other laptop's latest file, twice over.
	for range 2 {
		for _, to := range w.laptops {
			for _, from := range w.laptops {
				if from != to {
					w.mustImport(to, w.export(from).path)
				}
			}
		}
	}

	// All three agree.
	sessions := make([]*game.File, len(w.laptops))
	norms := make([][]string, len(w.laptops))
	for i, l := range w.laptops {
		sessions[i] = session(t, l.s, w.id, true)
		norms[i] = normalised(sessions[i])
	}
	for i := 1; i < len(w.laptops); i++ {
		if d := firstDifference(norms[0], norms[i]); d != "" {
			t.Errorf("seed %d: laptops A and %s differ after the full exchange: %s", seed, w.laptops[i].name, d)
			for id, changes := range w.changes {
				if strings.Contains(d, id) {
					t.Logf("its changes: %s", describe(changes))
				}
			}
		}
	}

	// Nothing deleted comes back unless restored by someone who had seen
	// the delete: a record live at the end has, for every change that
	// deleted it, a later change that made it live having seen that one.
	for id, changes := range w.changes {
		live, found := isLive(sessions[0], id)
		if !found {
			t.Errorf("seed %d: %s %s is not on laptop A; its changes: %s", seed, w.kinds[id], id, describe(changes))
			continue
		}
		if !live {
			continue
		}
		for _, d := range changes {
			if !d.deleted {
				continue
			}
			if !slices.ContainsFunc(changes, func(c mergeChange) bool { return !c.deleted && c.saw[d.no] }) {
				t.Errorf("seed %d: %s %s was deleted by %s on laptop %s and is live again, though no change that saw the delete made it live; its changes: %s",
					seed, w.kinds[id], id, d.op, d.laptop, describe(changes))
			}
		}
	}

	// What an erasure erased is gone everywhere: from every version made
	// at or before it, and from the database files' bytes.
	w.checkErased(seed, sessions)

	// The final files change nothing when imported again.
	var final []string
	for _, l := range w.laptops {
		final = append(final, w.export(l).path)
	}
	for _, l := range w.laptops {
		for i, path := range final {
			sum := w.mustImport(l, path)
			if sum.Added != 0 || sum.Updated != 0 || sum.Deleted != 0 {
				t.Errorf("seed %d: laptop %s importing %s's final file again: %+v; want nothing added, updated or deleted",
					seed, l.name, w.laptops[i].name, sum)
			}
		}
	}
}

// checkErased checks that every laptop erased exactly what the erasures
// erase: the version of a participant or note whose change an erasure had
// seen, or made without seeing an erasure that had seen its record, is
// erased; any other keeps its text; and no erased text is in any database
// file's bytes.
func (w *mergeWorld) checkErased(seed int64, sessions []*game.File) {
	t := w.t
	if len(w.erased) == 0 {
		return
	}
	recordOf := map[int]string{} // change number → record id
	for id, cs := range w.changes {
		for _, c := range cs {
			recordOf[c.no] = id
		}
	}
	sawRecord := func(e mergeErasure, id string) bool {
		for _, c := range w.changes[id] {
			if e.saw[c.no] {
				return true
			}
		}
		return false
	}
	// erases reports whether change no, of a participant or a note, is
	// erased by one of the erasures.
	erases := func(no int, note bool) bool {
		id := recordOf[no]
		for _, c := range w.changes[id] {
			if c.no != no {
				continue
			}
			for _, e := range w.erased {
				if (e.notes || !note) && (e.saw[no] || (sawRecord(e, id) && !c.saw[e.no])) {
					return true
				}
			}
		}
		return false
	}
	winner := func(id, device string, at time.Time) *mergeChange {
		for i := range w.changes[id] {
			if c := &w.changes[id][i]; c.device == device && c.at.Equal(at) {
				return c
			}
		}
		return nil
	}
	for i, f := range sessions {
		l := w.laptops[i]
		for _, p := range f.Participants {
			c := winner(p.ID, p.Device, p.Updated)
			if c == nil || c.text == "" {
				continue
			}
			switch erased := p.Pseudonym == storage.ErasedText; {
			case erases(c.no, false) && (!erased || p.Role != ""):
				t.Errorf("seed %d: laptop %s: participant %s is %q, %q, though an erasure erases its version (%s on %s)",
					seed, l.name, p.ID, p.Pseudonym, p.Role, c.op, c.laptop)
			case !erases(c.no, false) && erased:
				t.Errorf("seed %d: laptop %s: participant %s set to %q by %s on %s, which no erasure erases, was erased",
					seed, l.name, p.ID, c.text, c.op, c.laptop)
			}
		}
		for _, n := range f.Notes {
			c := winner(n.ID, n.Device, n.Updated)
			if c == nil || c.text == "" {
				continue
			}
			switch erased := n.Text == storage.ErasedText; {
			case erases(c.no, true) && !erased:
				t.Errorf("seed %d: laptop %s: note %s still reads %q, though an erasure of notes erases its version (%s on %s)",
					seed, l.name, n.ID, n.Text, c.op, c.laptop)
			case !erases(c.no, true) && erased:
				t.Errorf("seed %d: laptop %s: note %s set to %q by %s on %s, which no erasure erases, was erased",
					seed, l.name, n.ID, c.text, c.op, c.laptop)
			}
		}
		var bytes []byte
		for _, suffix := range []string{"", "-wal"} {
			b, err := os.ReadFile(l.s.Path() + suffix)
			if err != nil && !os.IsNotExist(err) {
				t.Fatal(err)
			}
			bytes = append(bytes, b...)
		}
		for _, named := range w.named {
			if !erases(named.no, named.note) {
				continue
			}
			if strings.Contains(string(bytes), named.text) {
				t.Errorf("seed %d: laptop %s: the erased %q (set %s) is still in the database file's bytes",
					seed, l.name, named.text, named.at.Format(time.RFC3339Nano))
			}
		}
	}
}

// exported is a file a laptop wrote.
type exported struct{ path string }

func (e exported) device(w *mergeWorld) string { return w.readFile(e.path).Device }

// export writes the laptop's workshop file (tombstones included) into the
// test's folder, as it travels between laptops.
func (w *mergeWorld) export(l *mergeLaptop) exported {
	w.t.Helper()
	f, err := l.s.ExportWorkshop(w.ctx, w.id, false)
	if err != nil {
		w.t.Fatalf("laptop %s: ExportWorkshop: %v", l.name, err)
	}
	w.fileNo++
	path := filepath.Join(w.dir, fmt.Sprintf("%03d-%s.json", w.fileNo, l.name))
	if err := storage.WriteFileAtomic(path, func(out io.Writer) error { return game.WriteFile(out, f) }); err != nil {
		w.t.Fatalf("write %s: %v", path, err)
	}
	l.files = append(l.files, path)
	w.knows[path] = maps.Clone(l.known)
	return exported{path}
}

func (w *mergeWorld) readFile(path string) *game.File {
	w.t.Helper()
	in, err := os.Open(path)
	if err != nil {
		w.t.Fatal(err)
	}
	defer in.Close()
	f, err := game.ReadFile(in)
	if err != nil {
		w.t.Fatalf("read %s: %v", path, err)
	}
	return f
}

func (w *mergeWorld) mustImport(l *mergeLaptop, path string) storage.WorkshopImportSummary {
	w.t.Helper()
	sum, err := l.s.ImportWorkshop(w.ctx, w.readFile(path))
	if err != nil {
		w.t.Fatalf("laptop %s: import %s: %v", l.name, filepath.Base(path), err)
	}
	maps.Copy(l.known, w.knows[path])
	return sum
}

// farRound has the laptop a year ahead make a few changes and write its
// file, which every other laptop refuses, changing nothing; it then takes
// one other laptop's latest file.
func (w *mergeWorld) farRound() {
	t, d := w.t, w.far
	rng := w.rng
	w.rng = w.farRng // the others' random work stays as it was without D
	for range 3 {
		w.randomOp(d)
	}
	w.rng = rng
	path := w.export(d).path
	for _, l := range w.laptops {
		before := normalised(session(t, l.s, w.id, true))
		_, err := l.s.ImportWorkshop(w.ctx, w.readFile(path))
		if !errors.Is(err, storage.ErrBadFile) || !strings.Contains(err.Error(), "more than a day after this laptop's clock") ||
			!strings.Contains(err.Error(), "nothing was merged") {
			t.Fatalf("laptop %s importing the file of laptop D (a year ahead): err = %v; want the refusal naming the stamp", l.name, err)
		}
		if diff := firstDifference(before, normalised(session(t, l.s, w.id, true))); diff != "" {
			t.Fatalf("laptop %s: the refused file of laptop D changed the workshop: %s", l.name, diff)
		}
	}
	from := w.laptops[w.farRng.Intn(len(w.laptops))]
	w.mustImport(d, from.files[len(from.files)-1])
}

// randomExchange imports files between the laptops in a random order:
// mostly the other laptop's latest file, sometimes one of its older files
// (stale), sometimes the same file twice.
func (w *mergeWorld) randomExchange(round int) {
	n := 2 + w.rng.Intn(6)
	for range n {
		to := w.laptops[w.rng.Intn(len(w.laptops))]
		from := w.laptops[w.rng.Intn(len(w.laptops))]
		if from == to {
			continue
		}
		path := from.files[len(from.files)-1]
		if w.rng.Intn(4) == 0 {
			path = from.files[w.rng.Intn(len(from.files))] // stale
		}
		w.mustImport(to, path)
		if w.rng.Intn(5) == 0 {
			w.mustImport(to, path) // twice
		}
		if w.rng.Intn(3) == 0 {
			w.export(to)
		}
	}
	_ = round
}

// randomOp makes one random change on the laptop through the Store API.
func (w *mergeWorld) randomOp(l *mergeLaptop) {
	t, ctx, rng, s := w.t, w.ctx, w.rng, l.s
	t.Helper()
	f := session(t, s, w.id, true)
	var livePlays, deadPlays []game.Play
	for _, p := range f.Plays {
		if p.Deleted {
			deadPlays = append(deadPlays, p)
		} else {
			livePlays = append(livePlays, p)
		}
	}
	// What the note-taker sees: a note of a card off the board is out of
	// sight, so it is neither edited nor deleted.
	liveNotes := session(t, s, w.id, false).Notes
	var liveTeams []game.Team
	for _, tm := range f.Teams {
		if !tm.Deleted {
			liveTeams = append(liveTeams, tm)
		}
	}
	fail := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("laptop %s: %s: %v", l.name, what, err)
		}
	}
	live := session(t, s, w.id, false)
	var deadRatings []game.Rating
	for _, r := range f.Ratings {
		if r.Deleted && slices.ContainsFunc(livePlays, func(p game.Play) bool { return p.ID == r.PlayID }) {
			deadRatings = append(deadRatings, r)
		}
	}
	switch op := rng.Intn(16); {
	case op <= 1 || len(livePlays) == 0: // a new play
		tm := liveTeams[rng.Intn(len(liveTeams))]
		p := play(tm.ID, w.routines[rng.Intn(len(w.routines))], w.areas[rng.Intn(len(w.areas))], rng.Intn(5))
		fail("SavePlay (new)", s.SavePlay(ctx, w.id, p))
		w.recordAt(l, "play", p.ID, "SavePlay (new)", p.Updated, p.Deleted)
	case op == 2: // move a play
		p := livePlays[rng.Intn(len(livePlays))]
		area := p.Area
		for area == p.Area {
			area = w.areas[rng.Intn(len(w.areas))]
		}
		p.Area = area
		fail("SavePlay (move)", s.SavePlay(ctx, w.id, &p))
		w.recordAt(l, "play", p.ID, "SavePlay (move to "+area+")", p.Updated, p.Deleted)
	case op == 3: // rate a play
		p := livePlays[rng.Intn(len(livePlays))]
		c := w.criteria[rng.Intn(len(w.criteria))]
		fail("AddRating", s.AddRating(ctx, w.id, rating(p.ID, c.key, c.min+rng.Intn(c.max-c.min+1))))
	case op == 4: // take a play off the board
		p := livePlays[rng.Intn(len(livePlays))]
		fail("DeletePlay", s.DeletePlay(ctx, p.ID))
		w.record(l, "play", p.ID, "DeletePlay")
	case op == 5 && len(deadPlays) > 0: // put one back
		p := deadPlays[rng.Intn(len(deadPlays))]
		fail("RestorePlay", s.RestorePlay(ctx, p.ID))
		w.record(l, "play", p.ID, "RestorePlay")
	case op <= 6 || len(liveNotes) == 0: // a new note, about a play or not
		n := &game.Note{Kind: game.NoteKinds[rng.Intn(len(game.NoteKinds))], Text: w.uniqueText(l, "Note")}
		if rng.Intn(2) == 0 {
			p := livePlays[rng.Intn(len(livePlays))]
			n.TeamID, n.PlayID = p.TeamID, p.ID
		} else if rng.Intn(2) == 0 {
			n.TeamID = liveTeams[rng.Intn(len(liveTeams))].ID
		}
		fail("SaveNote (new)", s.SaveNote(ctx, w.id, n))
		w.recordText(l, "note", n.ID, "SaveNote (new)", n.Updated, n.Text, true)
	case op == 7: // edit a note
		n := liveNotes[rng.Intn(len(liveNotes))]
		n.Text = w.uniqueText(l, "Edited")
		fail("SaveNote (edit)", s.SaveNote(ctx, w.id, &n))
		w.recordText(l, "note", n.ID, "SaveNote (edit)", n.Updated, n.Text, true)
	case op == 8: // delete a note
		n := liveNotes[rng.Intn(len(liveNotes))]
		fail("DeleteNote", s.DeleteNote(ctx, n.ID))
		w.record(l, "note", n.ID, "DeleteNote")
	case op == 9 && len(live.Ratings) > 0: // undo a rating
		r := live.Ratings[rng.Intn(len(live.Ratings))]
		fail("DeleteRating", s.DeleteRating(ctx, r.ID))
		w.record(l, "rating", r.ID, "DeleteRating")
	case op == 10 && len(deadRatings) > 0: // redo it
		r := deadRatings[rng.Intn(len(deadRatings))]
		fail("RestoreRating", s.RestoreRating(ctx, r.ID))
		w.record(l, "rating", r.ID, "RestoreRating")
	case op == 11 || (op == 12 && len(live.Participants) == 0): // someone sits down
		w.newParticipant(l, liveTeams[rng.Intn(len(liveTeams))].ID)
	case op == 12: // a new pseudonym
		p := live.Participants[rng.Intn(len(live.Participants))]
		p.Pseudonym = w.uniqueText(l, "Renamed")
		fail("SaveParticipant (rename)", s.SaveParticipant(ctx, w.id, &p))
		w.recordText(l, "participant", p.ID, "SaveParticipant (rename)", p.Updated, p.Pseudonym, false)
	case op == 13 && rng.Intn(3) == 0: // the workshop's personal data is erased here
		// Someone sits down just before, here, and just after, on another
		// laptop that has not seen the erasure yet.
		w.newParticipant(l, liveTeams[rng.Intn(len(liveTeams))].ID)
		notes := rng.Intn(2) == 0
		if _, err := s.EraseWorkshop(ctx, w.id, notes); err != nil {
			t.Fatalf("laptop %s: EraseWorkshop: %v", l.name, err)
		}
		if !l.far {
			w.erased = append(w.erased, mergeErasure{notes: notes, no: w.next, saw: maps.Clone(l.known)})
			l.known[w.next] = true
			w.next++
		}
		other := w.laptops[rng.Intn(len(w.laptops))]
		if other != l && !l.far {
			if f := session(t, other.s, w.id, false); len(f.Teams) > 0 {
				w.newParticipant(other, f.Teams[rng.Intn(len(f.Teams))].ID)
			}
		}
	case op == 14 && len(live.Participants) > 0 && rng.Intn(2) == 0: // someone leaves
		p := live.Participants[rng.Intn(len(live.Participants))]
		p.Deleted = true
		fail("SaveParticipant (delete)", s.SaveParticipant(ctx, w.id, &p))
		w.recordAt(l, "participant", p.ID, "SaveParticipant (delete)", p.Updated, p.Deleted)
	default: // rename a team
		tm := liveTeams[rng.Intn(len(liveTeams))]
		tm.Name = fmt.Sprintf("Team %s%d", l.name, rng.Intn(1000))
		fail("SaveTeam", s.SaveTeam(ctx, w.id, &tm))
		w.recordAt(l, "team", tm.ID, "SaveTeam ("+tm.Name+")", tm.Updated, tm.Deleted)
	}
}

// uniqueText is a text no other change uses, so it can be looked for in
// a database file's bytes.
func (w *mergeWorld) uniqueText(l *mergeLaptop, what string) string {
	w.fileNo++ // any counter that only grows
	return fmt.Sprintf("%s-%s-%04d-%s", what, l.name, w.fileNo, strings.Repeat("x", 8))
}

// newParticipant has someone sit down at a team on the laptop.
func (w *mergeWorld) newParticipant(l *mergeLaptop, teamID string) {
	w.t.Helper()
	p := &game.Participant{TeamID: teamID, Pseudonym: w.uniqueText(l, "Pseudonym"), Role: "sales"}
	if err := l.s.SaveParticipant(w.ctx, w.id, p); err != nil {
		w.t.Fatalf("laptop %s: SaveParticipant (new): %v", l.name, err)
	}
	w.recordText(l, "participant", p.ID, "SaveParticipant (new)", p.Updated, p.Pseudonym, false)
}

// recordAt notes a change whose stamp and state the save returned.
func (w *mergeWorld) recordAt(l *mergeLaptop, kind, id, op string, at time.Time, deleted bool) {
	w.add(l, kind, id, mergeChange{laptop: l.name, device: l.device, at: at, deleted: deleted, op: op})
}

// recordText notes a change that set a pseudonym or a note's text.
func (w *mergeWorld) recordText(l *mergeLaptop, kind, id, op string, at time.Time, text string, note bool) {
	if no := w.add(l, kind, id, mergeChange{laptop: l.name, device: l.device, at: at, op: op, text: text}); no >= 0 {
		w.named = append(w.named, mergeName{text: text, at: at, note: note, no: no})
	}
}

// add notes a change made on the laptop, with what the laptop had seen,
// and returns its index (-1 for the laptop a year ahead, whose changes
// never reach the others).
func (w *mergeWorld) add(l *mergeLaptop, kind, id string, c mergeChange) int {
	if l.far {
		return -1
	}
	c.no, c.saw = w.next, maps.Clone(l.known)
	w.next++
	l.known[c.no] = true
	w.kinds[id] = kind
	w.changes[id] = append(w.changes[id], c)
	return c.no
}

// record notes the change just made to a record on the laptop, with the
// stamp and state it was stored with.
func (w *mergeWorld) record(l *mergeLaptop, kind, id, op string) {
	w.t.Helper()
	if l.far {
		return // its changes never reach the others
	}
	f := session(w.t, l.s, w.id, true)
	c := mergeChange{laptop: l.name, device: l.device, op: op}
	found := false
	switch kind {
	case "play":
		for _, p := range f.Plays {
			if p.ID == id {
				c.at, c.deleted, found = p.Updated, p.Deleted, true
			}
		}
	case "note":
		for _, n := range f.Notes {
			if n.ID == id {
				c.at, c.deleted, found = n.Updated, n.Deleted, true
			}
		}
	case "team":
		for _, tm := range f.Teams {
			if tm.ID == id {
				c.at, c.deleted, found = tm.Updated, tm.Deleted, true
			}
		}
	case "rating":
		for _, r := range f.Ratings {
			if r.ID == id {
				c.at, c.deleted, found = r.Updated, r.Deleted, true
			}
		}
	}
	if !found {
		w.t.Fatalf("laptop %s: %s %s not found after %s", l.name, kind, id, op)
	}
	w.add(l, kind, id, c)
}

// seenOf lists which of a record's changes a change had seen.
func seenOf(c mergeChange, changes []mergeChange) []int {
	var out []int
	for _, o := range changes {
		if c.saw[o.no] {
			out = append(out, o.no)
		}
	}
	return out
}

func describe(changes []mergeChange) string {
	var parts []string
	for _, c := range changes {
		parts = append(parts, fmt.Sprintf("#%d %s on %s at %s (deleted=%v, had seen %v)", c.no, c.op, c.laptop, c.at.Format("15:04:05.000000"), c.deleted, seenOf(c, changes)))
	}
	return strings.Join(parts, "; ")
}

// isLive finds a play, note or team in a session with tombstones.
func isLive(f *game.File, id string) (live, found bool) {
	for _, p := range f.Plays {
		if p.ID == id {
			return !p.Deleted, true
		}
	}
	for _, n := range f.Notes {
		if n.ID == id {
			return !n.Deleted, true
		}
	}
	for _, tm := range f.Teams {
		if tm.ID == id {
			return !tm.Deleted, true
		}
	}
	for _, r := range f.Ratings {
		if r.ID == id {
			return !r.Deleted, true
		}
	}
	for _, p := range f.Participants {
		if p.ID == id {
			return !p.Deleted, true
		}
	}
	return false, false
}

// normalised is a session as lines, one a record, sorted by kind and id,
// with the fields a merge must agree on.
func normalised(f *game.File) []string {
	var out []string
	wk := f.Workshop
	out = append(out, fmt.Sprintf("workshop %s title=%q", wk.ID, wk.Title))
	for _, tm := range f.Teams {
		out = append(out, fmt.Sprintf("team %s deleted=%v name=%q position=%d", tm.ID, tm.Deleted, tm.Name, tm.Position))
	}
	for _, p := range f.Participants {
		out = append(out, fmt.Sprintf("participant %s deleted=%v pseudonym=%q role=%q", p.ID, p.Deleted, p.Pseudonym, p.Role))
	}
	for _, p := range f.Paths {
		out = append(out, fmt.Sprintf("path %s deleted=%v name=%q", p.ID, p.Deleted, p.Name))
	}
	for _, p := range f.Plays {
		out = append(out, fmt.Sprintf("play %s deleted=%v team=%s code=%s area=%s text=%q position=%d", p.ID, p.Deleted, p.TeamID, p.Code, p.Area, p.Text, p.Position))
	}
	for _, r := range f.Ratings {
		out = append(out, fmt.Sprintf("rating %s deleted=%v play=%s criterion=%s value=%d rater=%s at=%s", r.ID, r.Deleted, r.PlayID, r.Criterion, r.Value, r.Rater, r.At.Format(time.RFC3339Nano)))
	}
	for _, n := range f.Notes {
		out = append(out, fmt.Sprintf("note %s deleted=%v team=%s play=%s kind=%s text=%q", n.ID, n.Deleted, n.TeamID, n.PlayID, n.Kind, n.Text))
	}
	for _, e := range f.Erasures {
		out = append(out, fmt.Sprintf("erasure %s what=%s at=%s", e.ID, e.What, e.At.Format(time.RFC3339Nano)))
	}
	sort.Strings(out)
	return out
}

// firstDifference describes the first line where a and b differ, or "".
func firstDifference(a, b []string) string {
	for i := range max(len(a), len(b)) {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("record %d: A has %q, the other has %q", i, x, y)
		}
	}
	if !slices.Equal(a, b) {
		return "they differ"
	}
	return ""
}
