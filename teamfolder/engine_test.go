package teamfolder

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// syncEngine stands for a file-sync engine between the laptops' copies of
// a team folder, as badly behaved as real ones get: it notices what each
// laptop wrote or removed in its copy and delivers it to the others after
// random delays, in any order, sometimes first cut off (completed later),
// sometimes twice, sometimes renamed as a conflict copy of one engine or
// another; a delivery older than what a copy holds becomes a conflict
// copy, as it does in Syncthing. Conflict copies are files like any other
// to it: they travel, and their removal travels.
type syncEngine struct {
	t      testing.TB
	rng    *rand.Rand
	copies []string
	// known is what the engine believes each copy holds (path → hash),
	// version the version of each path it delivered or took there.
	known   []map[string]string
	version []map[string]int
	latest  map[string]int // each path's newest version
	// origin is the copy each path was last changed in, previous its
	// contents before that change (for clobber).
	origin   map[string]int
	previous map[string][]byte
	current  map[string][]byte
	pending  []delivery
	step     int
	made     int // conflict copies made, for unique names
	// clobbered counts the laptops' own files replaced by older versions.
	clobbered int
}

// delivery is one file (or its removal, data nil) on its way to a copy.
type delivery struct {
	to      int
	rel     string
	data    []byte
	version int
	due     int
	whole   bool // a completion of a cut-off copy: no more tricks
}

func newSyncEngine(t testing.TB, rng *rand.Rand, copies []string) *syncEngine {
	e := &syncEngine{t: t, rng: rng, copies: copies, latest: map[string]int{}, origin: map[string]int{}, previous: map[string][]byte{}, current: map[string][]byte{}}
	for range copies {
		e.known = append(e.known, map[string]string{})
		e.version = append(e.version, map[string]int{})
	}
	return e
}

func hashOf(b []byte) string { s := sha256.Sum256(b); return string(s[:]) }

// upload takes what the laptop of copy i changed in it since the engine
// last looked: new and changed files, and removals.
func (e *syncEngine) upload(i int) {
	onDisk := map[string][]byte{}
	root := e.copies[i]
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(d.Name(), tmpEnding) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		onDisk[relative(root, path)] = b
		return nil
	})
	if err != nil {
		e.t.Fatal(err)
	}
	for rel, b := range onDisk {
		if h := hashOf(b); e.known[i][rel] != h {
			if old, ok := e.current[rel]; ok && e.origin[rel] == i {
				e.previous[rel] = old
			}
			e.current[rel], e.origin[rel] = b, i
			e.known[i][rel] = h
			e.latest[rel]++
			e.version[i][rel] = e.latest[rel]
			e.send(i, rel, b, e.latest[rel])
		}
	}
	for rel := range e.known[i] {
		if _, ok := onDisk[rel]; !ok {
			delete(e.known[i], rel)
			e.latest[rel]++
			e.version[i][rel] = e.latest[rel]
			e.send(i, rel, nil, e.latest[rel])
		}
	}
}

// send queues a file (or its removal) for every copy but i.
func (e *syncEngine) send(i int, rel string, data []byte, version int) {
	for j := range e.copies {
		if j != i {
			e.pending = append(e.pending, delivery{to: j, rel: rel, data: data, version: version, due: e.step + e.rng.IntN(6)})
			if e.rng.IntN(10) == 0 { // sent twice
				e.pending = append(e.pending, delivery{to: j, rel: rel, data: data, version: version, due: e.step + e.rng.IntN(12)})
			}
		}
	}
}

// tick delivers what is due, in a random order.
func (e *syncEngine) tick() {
	e.step++
	e.rng.Shuffle(len(e.pending), func(a, b int) { e.pending[a], e.pending[b] = e.pending[b], e.pending[a] })
	var later []delivery
	for _, d := range e.pending {
		if d.due > e.step {
			later = append(later, d)
			continue
		}
		later = append(later, e.deliver(d, true)...)
	}
	e.pending = later
}

// drain delivers everything on its way, whole and in order of version.
func (e *syncEngine) drain() {
	for len(e.pending) > 0 {
		all := e.pending
		e.pending = nil
		for _, d := range all {
			d.whole = true
			e.pending = append(e.pending, e.deliver(d, false)...)
		}
	}
}

// deliver writes one delivery into its copy and returns what follows from
// it (the rest of a cut-off copy, a repeat).
func (e *syncEngine) deliver(d delivery, tricks bool) []delivery {
	path := filepath.Join(e.copies[d.to], filepath.FromSlash(d.rel))
	stale := e.version[d.to][d.rel] > d.version
	if d.data == nil {
		if !stale {
			os.Remove(path)
			delete(e.known[d.to], d.rel)
			e.version[d.to][d.rel] = d.version
		}
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		e.t.Fatal(err)
	}
	if stale || (tricks && !d.whole && e.rng.IntN(12) == 0) {
		e.writeConflict(d.to, d.rel, d.data)
		if stale {
			return nil
		}
	}
	data := d.data
	var rest []delivery
	if tricks && !d.whole && len(data) > 4 && e.rng.IntN(6) == 0 {
		// Cut off: written in place, not atomically, the rest to come.
		data = data[:1+e.rng.IntN(len(data)-3)]
		d.whole, d.due = true, e.step+1+e.rng.IntN(4)
		rest = append(rest, d)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.known[d.to][d.rel] = hashOf(data)
	e.version[d.to][d.rel] = d.version
	return rest
}

// conflictNames are the engines' ways of naming a conflict copy of base.
var conflictNames = []func(base string, n int) string{
	func(b string, n int) string {
		return fmt.Sprintf("%s.sync-conflict-20261201-1010%02d-ABCDEFG.json", b, n%100)
	},
	func(b string, n int) string {
		return fmt.Sprintf("%s (conflicted copy 2026-12-01 1010%02d).json", b, n%100)
	},
	func(b string, n int) string {
		return fmt.Sprintf("%s (Dropbox's conflicted copy 2026-12-%02d).json", b, 1+n%28)
	},
	func(b string, n int) string { return fmt.Sprintf("%s-DESKTOP-ABC%d.json", b, n) },
}

// writeConflict writes data beside rel in copy i as a conflict copy, which
// the engine then carries to the others as a file of copy i's.
func (e *syncEngine) writeConflict(i int, rel string, data []byte) {
	dir, name := filepath.Split(filepath.Join(e.copies[i], filepath.FromSlash(rel)))
	if !strings.HasSuffix(name, ".json") || !strings.Contains(rel, workshopsDir+"/") {
		return // a laptop's description: the newest is enough
	}
	e.made++
	base := strings.TrimSuffix(name, ".json")
	if len(base) > deviceIDLen {
		base = base[:deviceIDLen] // a conflict copy of a conflict copy
	}
	conflict := conflictNames[e.rng.IntN(len(conflictNames))](base, e.made)
	if err := os.WriteFile(filepath.Join(dir, conflict), data, 0o644); err != nil {
		e.t.Fatal(err)
	}
}

// clobber does to copy i what OneDrive and Dropbox do when they take a
// remote version over a local one: a laptop's own file is renamed as a
// conflict copy and an older version of it put in its place. The laptop
// must notice that its file is not what it wrote, write it again, and
// merge and remove the copy.
func (e *syncEngine) clobber(i int) {
	var own []string
	for rel, old := range e.previous {
		if e.origin[rel] == i && old != nil && e.known[i][rel] != "" && strings.HasPrefix(rel, workshopsDir+"/") {
			own = append(own, rel)
		}
	}
	if len(own) == 0 {
		return
	}
	slices.Sort(own)
	rel := own[e.rng.IntN(len(own))]
	path := filepath.Join(e.copies[i], filepath.FromSlash(rel))
	current, err := os.ReadFile(path)
	if err != nil {
		e.t.Fatal(err)
	}
	e.writeConflict(i, rel, current)
	old := e.previous[rel]
	if err := os.WriteFile(path, old, 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.known[i][rel] = hashOf(old) // the engine's own doing, not the laptop's
	e.clobbered++
}
