package teamfolder

import (
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// watcher follows the folder's events. fsnotify watches one folder, not
// the folders inside it, so the root, workshops/, devices/ and every
// workshops/<id>/ are watched, and a workshop folder that appears is added.
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
	for _, dir := range []string{root, filepath.Join(root, workshopsDir), filepath.Join(root, devicesDir)} {
		_ = w.Add(dir)
	}
	wa.addWorkshops()
	return wa
}

// addWorkshops watches every workshop folder, those already watched too
// (fsnotify takes a second Add of a folder as nothing).
func (wa *watcher) addWorkshops() {
	entries, err := os.ReadDir(filepath.Join(wa.root, workshopsDir))
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.IsDir() && safeName(e.Name()) {
			_ = wa.w.Add(filepath.Join(wa.root, workshopsDir, e.Name()))
		}
	}
}

// relevant says whether an event may bring something to read, and watches
// a folder that appeared (workshops/ itself, made again, or a workshop's).
func (wa *watcher) relevant(ev fsnotify.Event, device string) bool {
	dir, name := filepath.Split(ev.Name)
	dir = filepath.Clean(dir)
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			switch dir {
			case wa.root:
				_ = wa.w.Add(ev.Name)
				wa.addWorkshops()
			case filepath.Join(wa.root, workshopsDir):
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
