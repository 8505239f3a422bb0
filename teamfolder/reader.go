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
// workshops/ but this laptop's own, merging (or, for a preview, counting)
// each that changed since it was merged. A file that does not parse is
// left for a later pass: a sync engine may be writing it still.
func (f *Folder) readAll(ctx context.Context, preview bool) (Report, error) {
	var r Report
	if err := f.folderThere(); err != nil {
		return r, err
	}
	started := f.opts.Now()
	f.readDevices()
	wrote := map[string][]string{} // device → workshops
	dirs, err := os.ReadDir(filepath.Join(f.root, workshopsDir))
	if err != nil {
		return r, f.cannotRead(err)
	}
	incomplete := map[string]message.Message{}
	for _, d := range dirs {
		if !d.IsDir() || classifyDir(d.Name()) {
			continue
		}
		dir := filepath.Join(f.root, workshopsDir, d.Name())
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue // gone meanwhile, or not ours to read: the next pass sees
		}
		for _, e := range entries {
			if err := ctx.Err(); err != nil {
				return r, err
			}
			kind := classify(e.Name(), f.device)
			if kind == kindOwn {
				wrote[f.device] = append(wrote[f.device], d.Name())
			}
			if kind == kindIgnored || kind == kindOwn || e.IsDir() {
				continue
			}
			if kind == kindDevice {
				dev := e.Name()[:deviceIDLen]
				wrote[dev] = append(wrote[dev], d.Name())
			}
			path := filepath.Join(dir, e.Name())
			entry, outcome, err := f.readFile(ctx, path, kind, preview, started)
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

// classifyDir says whether a name in workshops/ is to be passed over: a
// hidden or temporary folder.
func classifyDir(name string) bool { return !safeName(name) }

// outcome is what reading one file came to.
type outcome int

const (
	outUnchanged  outcome = iota // as when merged: not read again
	outMerged                    // merged (or counted, in a preview)
	outSkipped                   // left alone as it is, and why
	outIncomplete                // did not parse: tried again later
)

// readFile reads one file of another laptop and merges it, unless its size
// and time, or else its bytes, are as when it was merged.
func (f *Folder) readFile(ctx context.Context, path string, kind fileKind, preview bool, started time.Time) (Entry, outcome, error) {
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
	file, err := game.ReadFile(bytes.NewReader(data))
	if v, newer := newerVersion(data); err != nil && newer {
		entry.Why = message.Say("%s was written by a newer Deckhand (workshop file version %d; this one reads up to %d) and was left alone; update Deckhand to merge it", rel, v, game.FileVersion)
		if !preview {
			f.leftAlone[rel] = leftFile{seen: seen(info, hash, started), why: entry.Why}
		}
		return entry, outSkipped, nil
	}
	if err != nil {
		// Cut off or half synced, most likely: the engine is still at it.
		entry.Why = message.Say("%s is not a whole workshop file yet (it may still be syncing); it is tried again later", rel)
		return entry, outIncomplete, nil
	}
	entry.Workshop, entry.Title, entry.Deletion = file.Workshop.ID, file.Workshop.Title, file.Workshop.Deleted
	merge := f.store.ImportWorkshop
	if preview {
		merge = f.store.PreviewImport
	}
	res, err := merge(ctx, file)
	if errors.Is(err, storage.ErrBadFile) {
		var why any = err.Error()
		if m, ok := message.Of(err); ok {
			why = m // said in the reader's language
		}
		entry.Why = message.Say("%s was left alone: %s", rel, why)
		if !preview {
			f.leftAlone[rel] = leftFile{seen: seen(info, hash, started), why: entry.Why}
		}
		return entry, outSkipped, nil
	}
	if err != nil {
		return entry, outUnchanged, err
	}
	entry.At = f.opts.Now().UTC()
	entry.Added, entry.Updated, entry.Deleted, entry.Unchanged = res.Added, res.Updated, res.Deleted, res.Unchanged
	entry.BackupsHolding, entry.NotErased, entry.NotErasedSince = res.BackupsHolding, res.NotErased, res.NotErasedSince
	if !preview {
		delete(f.leftAlone, rel)
		f.ix.Merged[rel] = seen(info, hash, started)
		if kind == kindConflict {
			f.toRemove[rel] = file.Workshop.ID
		}
		if entry.Changed() {
			f.dirty[file.Workshop.ID] = true
		}
	}
	return entry, outMerged, nil
}

// newerVersion says whether data is a workshop file of a version newer
// than this Deckhand reads, and which: such a file is left alone, not
// reported as broken.
func newerVersion(data []byte) (int, bool) {
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if json.Unmarshal(data, &head) != nil || head.Format != game.FileFormat {
		return 0, false
	}
	return head.Version, head.Version > game.FileVersion
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
