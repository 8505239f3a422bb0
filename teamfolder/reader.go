package teamfolder

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"

	"deckhand/game"
	"deckhand/message"
	"deckhand/storage"
)

// readAll reads the folder: every laptop's description, and every file in
// workshops/ and decks/ but this laptop's own, merging (or, for a preview,
// counting) each that changed since it was merged. A file that does not
// parse is left for a later pass: a sync engine may be writing it still.
func (f *Folder) readAll(ctx context.Context, preview bool) (Report, error) {
	var r Report
	if err := f.folderThere(); err != nil {
		return r, err
	}
	started := f.opts.Now()
	f.readDevices()
	unshared, err := f.store.UnsharedDecks(ctx)
	if err != nil {
		return r, err
	}
	wrote := map[string][]string{} // device → workshops
	incomplete := map[string]message.Message{}
	for _, top := range itemDirs {
		what := contentOf(top)
		dirs, err := os.ReadDir(filepath.Join(f.root, top))
		if err != nil {
			return r, f.cannotRead(err)
		}
		for _, d := range dirs {
			if !d.IsDir() || classifyDir(d.Name()) || what == contentDeck && unshared[d.Name()] {
				continue // a deck deleted or not published here takes no files
			}
			dir := filepath.Join(f.root, top, d.Name())
			entries, err := os.ReadDir(dir)
			if err != nil {
				continue // gone meanwhile, or not ours to read: the next pass sees
			}
			for _, e := range entries {
				if err := ctx.Err(); err != nil {
					return r, err
				}
				kind := classify(e.Name(), f.device)
				if kind == kindOwn && what == contentWorkshop {
					wrote[f.device] = append(wrote[f.device], d.Name())
				}
				if kind == kindIgnored || kind == kindOwn || e.IsDir() {
					continue
				}
				if kind == kindDevice && what == contentWorkshop {
					dev := e.Name()[:deviceIDLen]
					wrote[dev] = append(wrote[dev], d.Name())
				}
				path := filepath.Join(dir, e.Name())
				entry, outcome, err := f.readFile(ctx, path, kind, what, preview, started)
				if err != nil {
					return r, err
				}
				switch outcome {
				case outUnchanged:
					r.Unchanged++
				case outMerged:
					r.Merged = append(r.Merged, entry)
				case outSkipped:
					r.Skipped = append(r.Skipped, entry)
				case outIncomplete:
					r.Skipped = append(r.Skipped, entry)
					incomplete[entry.Path] = entry.Why
				}
			}
		}
	}
	if !preview {
		f.forgetGone()
		end := f.opts.Now().UTC()
		f.setStatus(func(s *Status) {
			s.LastRead = end
			s.Devices = f.deviceList(wrote)
		})
		f.incomplete = incomplete
		f.setFolderProblem(nil)
	}
	return r, nil
}

// classifyDir says whether a name in workshops/ or decks/ is to be passed
// over: a hidden or temporary folder.
func classifyDir(name string) bool { return !safeName(name) }

// content is what the files of a folder of itemDirs hold.
type content int

const (
	contentWorkshop content = iota // workshop files (game.WriteFile)
	contentDeck                    // shared deck files (cards.WriteShared)
)

// contentOf is what the files under top, one of itemDirs, hold.
func contentOf(top string) content {
	if top == decksDir {
		return contentDeck
	}
	return contentWorkshop
}

// outcome is what reading one file came to.
type outcome int

const (
	outUnchanged  outcome = iota // as when merged: not read again
	outMerged                    // merged (or counted, in a preview)
	outSkipped                   // left alone as it is, and why
	outIncomplete                // did not parse: tried again later
	outNotTaken                  // of a deck this laptop does not take files of
)

// readFile reads one file of another laptop and merges it, unless its size
// and time, or else its bytes, are as when it was merged.
func (f *Folder) readFile(ctx context.Context, path string, kind fileKind, what content, preview bool, started time.Time) (Entry, outcome, error) {
	rel := relative(f.root, path)
	entry := Entry{Path: rel, At: f.opts.Now().UTC()}
	info, err := os.Stat(path)
	if err != nil {
		return entry, outUnchanged, nil // gone meanwhile
	}
	if was, ok := f.ix.Merged[rel]; ok && was.unchanged(info) {
		return entry, outUnchanged, nil
	}
	if left, ok := f.leftAlone[rel]; ok && left.seen.unchanged(info) {
		entry.Why = left.why
		return entry, outSkipped, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		entry.Why = message.Say("%s cannot be read yet (%s); it is tried again later", rel, err.Error())
		return entry, outIncomplete, nil
	}
	sum := sha256.Sum256(data)
	hash := hex.EncodeToString(sum[:])
	if was, ok := f.ix.Merged[rel]; ok && was.Hash == hash {
		if !preview {
			f.ix.Merged[rel] = seen(info, hash, started)
		}
		return entry, outUnchanged, nil
	}
	merge := f.mergeWorkshopFile
	if what == contentDeck {
		merge = f.mergeDeckFile
	}
	out, err := merge(ctx, data, preview, &entry)
	if err != nil {
		return entry, outUnchanged, err
	}
	switch out {
	case outSkipped:
		if !preview {
			f.leftAlone[rel] = leftFile{seen: seen(info, hash, started), why: entry.Why}
		}
		return entry, out, nil
	case outNotTaken:
		return entry, outUnchanged, nil // not noted: taken once published or restored
	case outMerged:
	default:
		return entry, out, nil
	}
	entry.At = f.opts.Now().UTC()
	if !preview {
		delete(f.leftAlone, rel)
		f.ix.Merged[rel] = seen(info, hash, started)
		if kind == kindConflict {
			f.toRemove[rel] = entry.carrier()
		}
		switch {
		case !entry.Changed():
		case entry.Deck != "":
			f.decksDirty = true
		default:
			f.dirty[entry.Workshop] = true
		}
	}
	return entry, outMerged, nil
}

// mergeWorkshopFile merges (or, for a preview, counts) a workshop file's
// data into the entry: outSkipped with the sentence why when it is refused
// or of a newer Deckhand, outIncomplete when it does not parse yet.
func (f *Folder) mergeWorkshopFile(ctx context.Context, data []byte, preview bool, entry *Entry) (outcome, error) {
	rel := entry.Path
	file, err := game.ReadFile(bytes.NewReader(data))
	if v, newer := newerVersion(data, game.FileFormat, game.FileVersion); err != nil && newer {
		entry.Why = message.Say("%s was written by a newer Deckhand (workshop file version %d; this one reads up to %d) and was left alone; update Deckhand to merge it", rel, v, game.FileVersion)
		return outSkipped, nil
	}
	if err != nil {
		// Cut off or half synced, most likely: the engine is still at it.
		entry.Why = message.Say("%s is not a whole workshop file yet (it may still be syncing); it is tried again later", rel)
		return outIncomplete, nil
	}
	entry.Workshop, entry.Title, entry.Deletion = file.Workshop.ID, file.Workshop.Title, file.Workshop.Deleted
	merge := f.store.ImportWorkshop
	if preview {
		merge = f.store.PreviewImport
	}
	res, err := merge(ctx, file)
	if errors.Is(err, storage.ErrBadFile) {
		entry.Why = leftAloneBecause(rel, err)
		return outSkipped, nil
	}
	if err != nil {
		return outUnchanged, err
	}
	entry.Added, entry.Updated, entry.Deleted, entry.Unchanged = res.Added, res.Updated, res.Deleted, res.Unchanged
	entry.BackupsHolding, entry.NotErased, entry.NotErasedSince = res.BackupsHolding, res.NotErased, res.NotErasedSince
	return outMerged, nil
}

// leftAloneBecause is the sentence of a file the merge refused, with the
// merge's own sentence in the reader's language.
func leftAloneBecause(rel string, err error) message.Message {
	var why any = err.Error()
	if m, ok := message.Of(err); ok {
		why = m
	}
	return message.Say("%s was left alone: %s", rel, why)
}

// newerVersion says whether data is a file of the format of a version
// newer than this Deckhand reads (up to version), and which: such a file
// is left alone, not reported as broken.
func newerVersion(data []byte, format string, version int) (int, bool) {
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if json.Unmarshal(data, &head) != nil || head.Format != format {
		return 0, false
	}
	return head.Version, head.Version > version
}

// readDevices reads devices/*.json, the laptops' descriptions.
func (f *Folder) readDevices() {
	entries, err := os.ReadDir(filepath.Join(f.root, devicesDir))
	if err != nil {
		return
	}
	for _, e := range entries {
		kind := classify(e.Name(), f.device)
		if kind != kindDevice {
			continue
		}
		b, err := os.ReadFile(filepath.Join(f.root, devicesDir, e.Name()))
		if err != nil {
			continue
		}
		if d := readDevice(b); d != nil && d.Device == e.Name()[:deviceIDLen] {
			f.devices[d.Device] = d
		}
	}
}

// deviceList is the status's laptops: every one with a description or a
// workshop file, this one first, then by name.
func (f *Folder) deviceList(wrote map[string][]string) []Device {
	ids := map[string]bool{f.device: true}
	for id := range f.devices {
		ids[id] = true
	}
	for id := range wrote {
		ids[id] = true
	}
	var out []Device
	for id := range ids {
		d := Device{ID: id, This: id == f.device, Workshops: wrote[id]}
		if desc := f.devices[id]; desc != nil {
			d.Name, d.App, d.Written = desc.Name, desc.App, desc.Written
		}
		sort.Strings(d.Workshops)
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].This != out[j].This {
			return out[i].This
		}
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// forgetGone drops the index's entries of files no longer in the folder,
// so that the index does not grow with every conflict copy ever merged.
func (f *Folder) forgetGone() {
	for rel := range f.ix.Merged {
		if _, err := os.Lstat(filepath.Join(f.root, filepath.FromSlash(rel))); errors.Is(err, fs.ErrNotExist) {
			delete(f.ix.Merged, rel)
		}
	}
	for rel := range f.leftAlone {
		if _, err := os.Lstat(filepath.Join(f.root, filepath.FromSlash(rel))); errors.Is(err, fs.ErrNotExist) {
			delete(f.leftAlone, rel)
		}
	}
}

// folderThere says, with one sentence noted in the status too, that the
// folder is missing.
func (f *Folder) folderThere() error {
	if info, err := os.Stat(f.root); err != nil || !info.IsDir() {
		m := message.Say("the team folder %s does not exist; check that the sync client is running and the folder is where it was", f.root)
		f.setFolderProblem(&m)
		return message.Refusal("the team folder %s does not exist; check that the sync client is running and the folder is where it was", f.root)
	}
	return nil
}

// cannotRead is the sentence of a folder that cannot be read.
func (f *Folder) cannotRead(err error) error {
	m := message.Say("the team folder %s cannot be read: %s", f.root, err.Error())
	f.setFolderProblem(&m)
	return message.Refusal("the team folder %s cannot be read: %s", f.root, err.Error())
}

// setFolderProblem notes the folder's own problem (nil: none) and builds
// the status's sentences: it first, then each file left alone or not
// whole yet, by path.
func (f *Folder) setFolderProblem(m *message.Message) {
	f.folderErr = m
	var out []message.Message
	if m != nil {
		out = append(out, *m)
	}
	if f.twoWriters != nil {
		out = append(out, *f.twoWriters)
	}
	var paths []string
	for p := range f.leftAlone {
		paths = append(paths, p)
	}
	for p := range f.incomplete {
		if _, left := f.leftAlone[p]; !left {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		if left, ok := f.leftAlone[p]; ok {
			out = append(out, left.why)
		} else {
			out = append(out, f.incomplete[p])
		}
	}
	f.setStatus(func(s *Status) { s.Problems = out })
}
