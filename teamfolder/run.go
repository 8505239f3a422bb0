package teamfolder

import (
	"context"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Start runs the folder in the background until ctx ends or Close: it
// first does what SyncOnce does, then writes each changed workshop after
// the pause (an erasure at once), reads what the folder's events announce,
// and reads the whole folder and asks the database for changes every
// Rescan. What a pass did goes to Options.OnChange; its problems to the
// status.
func (f *Folder) Start(ctx context.Context) {
	ctx, f.cancel = context.WithCancel(ctx)
	f.done = make(chan struct{})
	wa := newWatcher(f.root)
	go func() {
		defer close(f.done)
		defer wa.close()
		f.pass(ctx, func(ctx context.Context) (Report, error) { return f.syncLocked(ctx) })
		tick := time.NewTicker(f.opts.Rescan)
		defer tick.Stop()
		var events <-chan fsnotify.Event
		var errs <-chan error
		if wa != nil {
			events, errs = wa.w.Events, wa.w.Errors
		}
		for {
			select {
			case <-ctx.Done():
				return
			case <-f.changed:
				f.pass(ctx, f.noteChanges)
			case <-f.due:
				f.pass(ctx, f.writeDue)
			case ev, ok := <-events:
				if !ok {
					events = nil
				} else if wa.relevant(ev, f.device) {
					f.read.Poke()
				}
			case _, ok := <-errs:
				if !ok {
					errs = nil // an overflow loses events: the rescan finds them
				}
			case <-f.readDue:
				f.pass(ctx, f.readPass)
			case <-tick.C:
				f.pass(ctx, func(ctx context.Context) (Report, error) {
					r, err := f.noteChanges(ctx)
					if err != nil {
						return r, err
					}
					m, err := f.readPass(ctx)
					r.add(m)
					return r, err
				})
			}
		}
	}()
}

// pass runs one step under the folder's lock and tells OnChange what it did.
func (f *Folder) pass(ctx context.Context, step func(ctx context.Context) (Report, error)) {
	f.mu.Lock()
	r, err := step(ctx)
	f.mu.Unlock()
	if err != nil || ctx.Err() != nil {
		return // its sentence is in the status
	}
	if !r.empty() && f.opts.OnChange != nil {
		f.opts.OnChange(r)
	}
}

// noteChanges asks the database what changed since written, workshops and
// published decks: an erasure is written at once; any other change
// (re)starts the pause.
func (f *Folder) noteChanges(ctx context.Context) (Report, error) {
	changes, err := f.workshopChanges(ctx)
	if err != nil {
		return Report{}, err
	}
	now := map[string]bool{}
	moved := false
	for id, c := range changes {
		was, written := f.ix.Written[id]
		if written && sameChange(was.Change, c) {
			continue
		}
		if !was.Change.Erased.Equal(c.Erased) {
			now[id] = true
			continue
		}
		if last, ok := f.lastSeen[id]; !ok || !sameChange(last, c) {
			moved = true // a new change: the pause begins again
		}
		f.lastSeen[id] = c
		f.dirty[id] = true
	}
	decks, err := f.decksChanged(ctx)
	if err != nil {
		return Report{}, err
	}
	if decks && !f.decksDirty {
		moved = true
	}
	f.decksDirty = f.decksDirty || decks
	if moved || ((len(f.dirty) > 0 || f.decksDirty) && !f.write.Pending()) {
		f.write.Poke()
	}
	if len(now) == 0 {
		return Report{}, nil
	}
	return f.writeAndTidy(ctx, now)
}

// writeDue writes what waited for the pause.
func (f *Folder) writeDue(ctx context.Context) (Report, error) {
	return f.writeAndTidy(ctx, nil)
}

// writeAndTidy writes the changed workshops (only those, when only is not
// nil), then removes the conflict copies the written files now carry and
// notes the index.
func (f *Folder) writeAndTidy(ctx context.Context, only map[string]bool) (Report, error) {
	r, err := f.writeChanged(ctx, only)
	if err != nil {
		return r, err
	}
	r.Removed = f.removeCarried()
	return r, f.saveIndex()
}

// readPass reads the folder; a merge that changed something here is
// written after the pause like any change, unless it brought an erasure.
func (f *Folder) readPass(ctx context.Context) (Report, error) {
	r, err := f.readAll(ctx, false)
	if err != nil {
		return r, err
	}
	n, err := f.noteChanges(ctx)
	r.add(n)
	if err != nil {
		return r, err
	}
	if len(f.toRemove) > 0 && len(f.dirty) == 0 && !f.decksDirty {
		r.Removed = append(r.Removed, f.removeCarried()...)
	}
	return r, f.saveIndex()
}

// Close stops the background work, writes every change still waiting for
// the pause, and notes the index. The store stays open: it is the caller's.
func (f *Folder) Close() error {
	f.mu.Lock()
	if f.closed {
		f.mu.Unlock()
		return nil
	}
	f.closed = true
	f.mu.Unlock()
	if f.cancel != nil {
		f.cancel()
		<-f.done
	}
	f.read.Take()
	r, err := f.Flush(context.Background())
	if err == nil && !r.empty() && f.opts.OnChange != nil {
		f.opts.OnChange(r)
	}
	return err
}
