package teamfolder

import (
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// watcher follows the folder's events. fsnotify watches one folder, not
// the folders inside it, so the root, workshops/, decks/, devices/ and every
// workshops/<id>/ and decks/<id>/ are watched, and a folder that appears
// there is added.
type watcher struct {
	w    *fsnotify.Watcher
	root string
}

// newWatcher watches the folder; nil when the system gives no watches
// (too many, or a file system without events): the rescan is then all.
func newWatcher(root string) *watcher {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil
	}
	wa := &watcher{w: w, root: root}
	for _, dir := range []string{root, filepath.Join(root, workshopsDir), filepath.Join(root, decksDir), filepath.Join(root, devicesDir)} {
		_ = w.Add(dir)
	}
	wa.addItems()
	return wa
}

// addItems watches every workshop's and deck's folder, those already
// watched too (fsnotify takes a second Add of a folder as nothing).
func (wa *watcher) addItems() {
	for _, dir := range itemDirs {
		entries, err := os.ReadDir(filepath.Join(wa.root, dir))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if e.IsDir() && safeName(e.Name()) {
				_ = wa.w.Add(filepath.Join(wa.root, dir, e.Name()))
			}
		}
	}
}

// relevant says whether an event may bring something to read, and watches
// a folder that appeared (workshops/ or decks/ itself, made again, or a
// workshop's or deck's).
func (wa *watcher) relevant(ev fsnotify.Event, device string) bool {
	dir, name := filepath.Split(ev.Name)
	dir = filepath.Clean(dir)
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			switch dir {
			case wa.root:
				_ = wa.w.Add(ev.Name)
				wa.addItems()
			case filepath.Join(wa.root, workshopsDir), filepath.Join(wa.root, decksDir):
				_ = wa.w.Add(ev.Name)
			}
			return true // it may hold files already
		}
	}
	if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) {
		return false
	}
	k := classify(name, device)
	return k != kindIgnored && k != kindOwn
}

func (wa *watcher) close() {
	if wa != nil {
		wa.w.Close()
	}
}
