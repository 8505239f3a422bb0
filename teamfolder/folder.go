package teamfolder

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
	"deckhand/storage"
)

// Store is what the folder needs of the database: *storage.Store.
type Store interface {
	Path() string
	DeviceID(ctx context.Context) (string, error)
	WorkshopChanges(ctx context.Context) (map[string]storage.WorkshopChange, error)
	ChangeCount(ctx context.Context) (int64, error)
	ExportWorkshop(ctx context.Context, id string, includeNames bool) (*game.File, error)
	ImportWorkshop(ctx context.Context, f *game.File) (storage.WorkshopImportSummary, error)
	PreviewImport(ctx context.Context, f *game.File) (storage.WorkshopImportSummary, error)

	// The published decks (storage/shareddeck.go).
	PublishedDecks(ctx context.Context) ([]storage.PublishedDeck, error)
	UnsharedDecks(ctx context.Context) (map[string]bool, error)
	ExportSharedDeck(ctx context.Context, deckID string) (*cards.SharedDeck, error)
	MergeSharedDeck(ctx context.Context, f *cards.SharedDeck) (storage.SharedDeckSummary, error)
	PreviewMergeSharedDeck(ctx context.Context, f *cards.SharedDeck) (storage.SharedDeckSummary, error)
}

// Options are a team folder's settings.
type Options struct {
	Store Store
	// Dir is the team folder. It must exist: a missing folder is more
	// likely a sync client not running than a folder to make.
	Dir string
	// Name is this laptop's name for the others (default: the host name);
	// App the Deckhand version written beside it.
	Name, App string
	// Debounce is how long after the last change a workshop is written
	// (default 3 s); Rescan how often the whole folder is read again
	// besides its events (default 30 s), and how often the database is
	// asked for changes nobody announced with Changed.
	Debounce, Rescan time.Duration
	// Index is the file remembering what was merged (default: beside the
	// database, <db>.teamfolder.json).
	Index string
	// OnChange, when set, is told after each pass that wrote, merged,
	// skipped or removed a file; it runs on the folder's goroutine and
	// must not block.
	OnChange func(Report)
	// Now is the clock (default time.Now); after starts the waits (tests).
	Now   func() time.Time
	after afterFunc
}

// Folder is an open team folder.
type Folder struct {
	opts   Options
	store  Store
	root   string
	device string

	// mu serialises the passes over the folder and guards ix, devices,
	// leftAlone and the conflict copies waiting for removal.
	mu        sync.Mutex
	ix        *index
	devices   map[string]*deviceFile // by id, from devices/
	leftAlone map[string]leftFile    // by path: files not merged, and why
	toRemove  map[string]carrier     // conflict copies merged: path → whose file carries them
	dirty     map[string]bool        // workshops changed since written (debounced)
	// decksDirty says that a published deck changed since written: decks
	// are written with the workshops, after the same pause.
	decksDirty bool
	lastSeen   map[string]storage.WorkshopChange
	// incomplete are the files that did not parse at the last read, and
	// folderErr the folder's own problem then (missing, not writable).
	incomplete map[string]message.Message
	folderErr  *message.Message
	// twoWriters says that this laptop's own file held changes it had not
	// made: another database writes under its device id (ownfile.go).
	twoWriters *message.Message
	// changes is WorkshopChanges as read when the store's ChangeCount was
	// changesAt: asked again only when the count moved.
	changes   map[string]storage.WorkshopChange
	changesAt int64

	statusMu sync.Mutex
	status   Status

	write   *debouncer
	read    *debouncer
	changed chan struct{}
	due     chan struct{}
	readDue chan struct{}
	cancel  context.CancelFunc
	done    chan struct{}
	closed  bool
}

// leftFile is a file left alone as it was: not read again until it changes.
type leftFile struct {
	seen seenFile
	why  message.Message
}

// Open opens the team folder opts.Dir for opts.Store: it checks that the
// folder exists and can be written to, makes its workshops/, decks/ and
// devices/ folders, and reads the index. Nothing is merged or written
// before Start, SyncOnce or Flush.
func Open(opts Options) (*Folder, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = 3 * time.Second
	}
	if opts.Rescan <= 0 {
		opts.Rescan = 30 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Name == "" {
		opts.Name, _ = os.Hostname()
	}
	root, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	if err := checkFolder(root); err != nil {
		return nil, err
	}
	device, err := opts.Store.DeviceID(context.Background())
	if err != nil {
		return nil, err
	}
	if opts.Index == "" {
		opts.Index = opts.Store.Path() + ".teamfolder.json"
	}
	f := &Folder{opts: opts, store: opts.Store, root: root, device: device,
		ix:      loadIndex(opts.Index, root, device),
		devices: map[string]*deviceFile{}, leftAlone: map[string]leftFile{}, toRemove: map[string]carrier{},
		dirty: map[string]bool{}, lastSeen: map[string]storage.WorkshopChange{},
		changed: make(chan struct{}, 1), due: make(chan struct{}, 1), readDue: make(chan struct{}, 1)}
	f.status.Folder = root
	f.write = newDebouncer(opts.Debounce, opts.after, func() { signal(f.due) })
	f.read = newDebouncer(readDelay, opts.after, func() { signal(f.readDue) })
	return f, nil
}

// readDelay gathers a burst of the folder's events (an engine writing a
// file in pieces, or many files at once) into one read.
const readDelay = 300 * time.Millisecond

// checkFolder refuses a folder that is missing or cannot be written to,
// with one sentence, and makes the folders of the layout.
func checkFolder(root string) error {
	info, err := os.Stat(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return message.Refusal("the team folder %s does not exist; check that the sync client is running and the folder is where it was", root)
	case err != nil:
		return message.Refusal("the team folder %s cannot be read: %s", root, err.Error())
	case !info.IsDir():
		return message.Refusal("the team folder %s is a file, not a folder", root)
	}
	for _, dir := range []string{workshopsDir, decksDir, devicesDir} {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o755); err != nil {
			return message.Refusal("the team folder %s cannot be written to: %s", root, err.Error())
		}
	}
	probe := filepath.Join(root, devicesDir, ".probe"+tmpEnding)
	if err := os.WriteFile(probe, nil, 0o644); err != nil {
		return message.Refusal("the team folder %s cannot be written to: %s", root, err.Error())
	}
	return os.Remove(probe)
}

// signal wakes the folder's goroutine without blocking.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// Device is this laptop's device id, the name of its files.
func (f *Folder) Device() string { return f.device }

// Changed tells the folder that a workshop changed here (the app calls it
// after each save): its file is written Debounce after the last change, an
// erasure at once. The folder also asks the database every Rescan.
func (f *Folder) Changed() { signal(f.changed) }

// SyncOnce writes this laptop's changed workshops, merges every other file
// that changed since it was last merged, writes again what the merges
// changed, and removes the conflict copies now carried by this laptop's
// files.
func (f *Folder) SyncOnce(ctx context.Context) (Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.syncLocked(ctx)
}

func (f *Folder) syncLocked(ctx context.Context) (Report, error) {
	var r Report
	w, err := f.writeChanged(ctx, nil)
	r.add(w)
	if err != nil {
		return r, err
	}
	m, err := f.readAll(ctx, false)
	r.add(m)
	if err != nil {
		return r, err
	}
	w, err = f.writeChanged(ctx, nil)
	r.add(w)
	if err != nil {
		return r, err
	}
	r.Removed = append(r.Removed, f.removeCarried()...)
	return r, f.saveIndex()
}

// Preview says what merging the folder would add, update and delete here,
// file by file, and changes nothing: for a first join of a folder that
// holds much.
func (f *Folder) Preview(ctx context.Context) (Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.readAll(ctx, true)
}

// Flush writes every changed workshop now, not waiting for the pause.
func (f *Folder) Flush(ctx context.Context) (Report, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.write.Take()
	return f.writeAndTidy(ctx, nil)
}

// saveIndex writes the index beside the database.
func (f *Folder) saveIndex() error {
	if err := f.ix.save(f.opts.Index); err != nil {
		return message.Refusal("what was merged from the team folder could not be noted in %s: %s", f.opts.Index, err.Error())
	}
	return nil
}

// workshopChanges is the store's WorkshopChanges, read again only when
// the store changed a row since it was last read.
func (f *Folder) workshopChanges(ctx context.Context) (map[string]storage.WorkshopChange, error) {
	n, err := f.store.ChangeCount(ctx)
	if err != nil {
		return nil, err
	}
	if f.changes != nil && n == f.changesAt {
		return f.changes, nil
	}
	c, err := f.store.WorkshopChanges(ctx)
	if err != nil {
		return nil, err
	}
	f.changes, f.changesAt = c, n
	return c, nil
}
