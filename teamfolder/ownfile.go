package teamfolder

import (
	"context"
	"os"

	"deckhand/message"
)

// mergeReplacedOwn merges this laptop's own file of a workshop (or deck) before it
// is written again, when the file in the folder is not the one this
// laptop wrote last (or this laptop never wrote one and a file is there).
// Something else put it there: a sync engine bringing back an older
// version, which the merge makes harmless (it keeps the newest of every
// record), or another database writing under this device id, as a copy of
// this database on a second laptop does. Without the merge, that laptop's
// changes would be overwritten here and never reach this one; with it,
// both keep each other's. A merge that brought something this laptop
// lacked is said in the status, since a second writer of one device's
// files is a copy that should be a database of its own.
func (f *Folder) mergeReplacedOwn(ctx context.Context, path string, what content) (Entry, bool, error) {
	if _, err := os.Stat(path); err != nil {
		return Entry{}, false, nil // none there: nothing to keep
	}
	e, out, err := f.readFile(ctx, path, kindOther, what, false, f.opts.Now())
	delete(f.ix.Merged, relative(f.root, path)) // this laptop's own: never an entry of the others'
	delete(f.leftAlone, relative(f.root, path))
	if err != nil || out != outMerged {
		return e, false, err // not whole or refused: written over as before
	}
	if e.Changed() {
		m := message.Say("this laptop's own file %s held changes it had not made or merged: another laptop writes as this one, most likely a copy of this database. They were merged; give that laptop a database of its own and let it join the folder", e.Path)
		f.twoWriters = &m
	}
	return e, true, nil
}
