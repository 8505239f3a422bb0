package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"sync"
)

// checkLaterUpTo is the largest file whose check of every page and row
// OpenCheckingLater leaves to run after the open. The check reads the whole
// file, about 6–7 ms a megabyte on the machine of docs/performance.md, and
// a write made meanwhile waits for it, perhaps on the UI goroutine: up to
// this size that wait is under half a second and can only happen in the
// first moments after the window is drawn. A bigger file is checked before
// the store is handed out, while the window says that it is opening it.
var checkLaterUpTo int64 = 64 << 20

// smallEnoughToCheckLater reports whether the open file f is at most
// checkLaterUpTo long.
func smallEnoughToCheckLater(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Size() <= checkLaterUpTo
}

// errStoreClosed is what waiting for a check gives when the store was
// closed before the check was over.
var errStoreClosed = errors.New("the database was closed")

// laterCheck is the check of a store's content left for after its open.
// It begins when first waited for (Checked, or a write), not before: the
// window asks for it once its first screen is drawn, so that the check
// does not take the second core from the drawing. done is closed when it
// is over, and err is its refusal then. A nil laterCheck is that of a
// file Open checked itself, or that had nothing to check in: over, and
// passed.
type laterCheck struct {
	begin   sync.Once
	started chan struct{}
	done    chan struct{}
	err     error
	cancel  context.CancelFunc
}

// wait begins the check if it has not begun, waits until it is over, or
// ctx ends first, and returns the check's refusal.
func (c *laterCheck) wait(ctx context.Context) error {
	if c == nil {
		return nil
	}
	c.begin.Do(func() { close(c.started) })
	select {
	case <-c.done:
		return c.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stop ends the check, begun or not, and waits until its connection is
// closed.
func (c *laterCheck) stop() {
	if c == nil {
		return
	}
	c.cancel()
	<-c.done
}

// laterCheckStarts, when set by a test, is called by the check before it
// reads anything: a test holds the check there to see what waits for it.
var laterCheckStarts func()

// checkLater starts the check of every page and row of the store's file,
// of schema version, on a read-only connection of its own. When an
// erasure is pending, the check is done now instead, since finishing the
// erasure writes into the file before anything reads it.
func (s *Store) checkLater(version int) error {
	ctx, cancel := context.WithCancel(context.Background())
	pending, err := s.erasurePending(ctx)
	if err != nil {
		cancel()
		return fmt.Errorf("read database %s: %w", s.path, err)
	}
	db, err := sql.Open(driverName, "file:"+escapePath(s.path)+"?mode=ro")
	if err != nil {
		cancel()
		return fmt.Errorf("open database %s: %w", s.path, err)
	}
	db.SetMaxOpenConns(1)
	if pending {
		defer cancel()
		defer db.Close()
		return checkContent(ctx, db, s.path, version)
	}
	c := &laterCheck{started: make(chan struct{}), done: make(chan struct{}), cancel: cancel}
	s.check = c
	go func() {
		defer close(c.done)
		defer db.Close()
		select {
		case <-c.started:
		case <-ctx.Done():
			c.err = errStoreClosed
			return
		}
		if laterCheckStarts != nil {
			laterCheckStarts()
		}
		c.err = checkContent(ctx, db, s.path, version)
		switch {
		case ctx.Err() != nil:
			c.err = errStoreClosed
		case c.err == nil:
			removeLeftovers(s.path) // see openWaiting
		}
	}()
	return nil
}

// Checked begins the check of the file's content that OpenCheckingLater
// left for later, if nothing has begun it yet, waits until it is over (at
// once when Open checked the file itself) and returns its refusal: an
// *OpenError that says the file is damaged, as Open would have, after
// which the store refuses every write, backup and export with it. The
// window waits for it beside the screens, to put the refusal in their
// place.
func (s *Store) Checked(ctx context.Context) error {
	return s.check.wait(ctx)
}
