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
	"slices"
	"sort"

	"deckhand/game"
	"deckhand/message"
	"deckhand/storage"
)

// writeChanged writes this laptop's file of every workshop whose signature
// moved since it was written, or whose file is gone from the folder, and
// then every published deck that changed (decks.go) and its description;
// only, when not nil, limits it to those workshops, and no deck.
// A workshop whose file would hold the same bytes is not written again.
func (f *Folder) writeChanged(ctx context.Context, only map[string]bool) (Report, error) {
	var r Report
	changes, err := f.workshopChanges(ctx)
	if err != nil {
		return r, err
	}
	ids := make([]string, 0, len(changes))
	for id := range changes {
		if only == nil || only[id] {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	for _, id := range ids {
		c := changes[id]
		f.lastSeen[id] = c
		if !safeName(id) {
			continue // a hand-made file's id that cannot name a folder
		}
		path := workshopPath(f.root, id, f.device)
		was, ok := f.ix.Written[id]
		if ok && sameChange(was.Change, c) && f.intact(path, was) {
			delete(f.dirty, id)
			continue
		}
		// The export below holds what a merge of the file there brought;
		// the signature noted with it is the one from before, so the next
		// pass looks again and finds the same bytes.
		if err := f.keepReplacedOwn(ctx, path, contentWorkshop, ok && f.intact(path, was), &r); err != nil {
			return r, err
		}
		e, err := f.writeWorkshop(ctx, id, path, c, was)
		if err != nil {
			return r, err
		}
		delete(f.dirty, id)
		if e != nil {
			r.Written = append(r.Written, *e)
		}
	}
	if only == nil {
		d, err := f.writeDecks(ctx)
		r.add(d)
		if err != nil {
			return r, err
		}
	}
	if len(r.Written) > 0 || f.ownDeviceMissing() {
		if err := f.writeDevice(len(changes)); err != nil {
			return r, err
		}
	}
	if len(r.Written) > 0 {
		at := r.Written[len(r.Written)-1].At
		f.setStatus(func(s *Status) { s.LastWritten = at })
	}
	return r, nil
}

// intact says whether this laptop's file is in the folder as written: a
// sync engine that took another version over it (OneDrive and Dropbox
// keep the remote one and rename the local one) changed its time.
func (f *Folder) intact(path string, was writtenFile) bool {
	return f.intactAs(path, was.Size, was.ModTime)
}

// intactAs says whether the file at path has the size and time it had
// when this laptop wrote it.
func (f *Folder) intactAs(path string, size, modTime int64) bool {
	info, err := os.Stat(path)
	return err == nil && info.Size() == size && info.ModTime().UnixNano() == modTime
}

// writeWorkshop exports a workshop, without real names, and writes it
// when its bytes differ from what is there; nil when they do not.
func (f *Folder) writeWorkshop(ctx context.Context, id, path string, c storage.WorkshopChange, was writtenFile) (*Entry, error) {
	file, err := f.store.ExportWorkshop(ctx, id, false)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := game.WriteFile(&buf, file); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(buf.Bytes())
	hash := hex.EncodeToString(sum[:])
	now := f.opts.Now().UTC()
	if hash == was.Hash && f.intact(path, was) {
		was.Change = c
		f.ix.Written[id] = was
		return nil, nil
	}
	size, modTime, err := f.writeOwnFile(path, buf.Bytes())
	if err != nil {
		return nil, err
	}
	f.ix.Written[id] = writtenFile{Change: c, Size: size, ModTime: modTime, Hash: hash}
	return &Entry{At: now, Path: relative(f.root, path), Workshop: id, Title: file.Workshop.Title, Deletion: file.Workshop.Deleted}, nil
}

// keepReplacedOwn merges this laptop's own file at path, before it is
// written again, when it is not in the folder as written (intact false):
// see mergeReplacedOwn. The merge, if any, goes into r.
func (f *Folder) keepReplacedOwn(ctx context.Context, path string, what content, intact bool, r *Report) error {
	if intact {
		return nil
	}
	m, merged, err := f.mergeReplacedOwn(ctx, path, what)
	if merged {
		r.Merged = append(r.Merged, m)
	}
	return err
}

// writeOwnFile writes data as this laptop's own file at path, by rename
// (its folder made first), and gives the file's size and time as written.
func (f *Folder) writeOwnFile(path string, data []byte) (size, modTime int64, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, 0, f.cannotWrite(err)
	}
	if err := writeAtomic(path, data); err != nil {
		return 0, 0, f.cannotWrite(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		return 0, 0, f.cannotWrite(err)
	}
	return info.Size(), info.ModTime().UnixNano(), nil
}

// cannotWrite is the sentence of a write that failed, noted in the status.
func (f *Folder) cannotWrite(err error) error {
	m := message.Say("the team folder %s cannot be written to: %s", f.root, err.Error())
	f.setFolderProblem(&m)
	return message.Refusal("the team folder %s cannot be written to: %s", f.root, err.Error())
}

// ownDeviceMissing says whether devices/<device>.json is gone.
func (f *Folder) ownDeviceMissing() bool {
	_, err := os.Stat(devicePath(f.root, f.device))
	return errors.Is(err, fs.ErrNotExist)
}

// writeDevice writes this laptop's description.
func (f *Folder) writeDevice(workshops int) error {
	d := deviceFile{Format: deviceFormat, Device: f.device, Name: f.opts.Name, App: f.opts.App,
		FileVersion: game.FileVersion, Written: f.opts.Now().UTC(), Workshops: workshops}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return err
	}
	if err := writeAtomic(devicePath(f.root, f.device), append(b, '\n')); err != nil {
		return f.cannotWrite(err)
	}
	f.devices[f.device] = &d
	return nil
}

// carried says whether this laptop's own file of the workshop or deck is
// in the folder as written and holds every change made here.
func (f *Folder) carried(c carrier) bool {
	if c.deck {
		was, ok := f.ix.Decks[c.id]
		return ok && !f.decksDirty && f.intactAs(deckPath(f.root, c.id, f.device), was.Size, was.ModTime)
	}
	was, ok := f.ix.Written[c.id]
	if !ok || !f.intact(workshopPath(f.root, c.id, f.device), was) || f.dirty[c.id] {
		return false
	}
	last, seen := f.lastSeen[c.id]
	return !seen || sameChange(last, was.Change)
}

// removeCarried removes the conflict copies merged since this laptop last
// wrote: its own file of their workshop now holds everything they held
// (a merge keeps the newest of every record, tombstones and erasures
// included), so the copy can go, and with it any personal data an erasure
// has since erased here. A copy whose workshop this laptop did not write
// waits. The same holds for a published deck's copies.
func (f *Folder) removeCarried() []string {
	var out []string
	paths := make([]string, 0, len(f.toRemove))
	for p := range f.toRemove {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, rel := range paths {
		if !f.carried(f.toRemove[rel]) {
			continue
		}
		err := os.Remove(filepath.Join(f.root, filepath.FromSlash(rel)))
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			delete(f.toRemove, rel)
			delete(f.ix.Merged, rel)
			if err == nil {
				out = append(out, rel)
			}
		}
	}
	return out
}
