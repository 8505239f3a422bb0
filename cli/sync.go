package cli

import (
	"fmt"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"deckhand/teamfolder"
)

// AppVersion is the Deckhand version a team folder is told wrote this
// laptop's files; main sets it from FyneApp.toml.
var AppVersion string

func runSync(e *env, args []string) error {
	fs := newFlags(e, "sync")
	dir := fs.String("folder", "", "the team folder, kept alike on every laptop by a sync engine")
	once := fs.Bool("once", false, "write this laptop's changed workshops, merge every other file, then exit")
	name := fs.String("name", "", "this laptop's name for the others (default: the host name)")
	debounce := fs.Duration("debounce", 3*time.Second, "how long after the last change a workshop is written")
	rescan := fs.Duration("rescan", 30*time.Second, "how often the whole folder is read again besides its events")
	remember := fs.Bool("remember", false, "make the folder this database's team folder, which the app then shares through too")
	if err := noPositional(fs, args); err != nil {
		return err
	}
	if *debounce <= 0 || *rescan <= 0 {
		return usagef("--debounce and --rescan must be more than 0")
	}
	store, err := e.open()
	if err != nil {
		return err
	}
	if *dir == "" {
		// The folder chosen in the app's Settings, or with --remember.
		if *dir, err = store.TeamFolder(e.ctx); err != nil {
			store.Close()
			return err
		}
		if *dir == "" {
			store.Close()
			return usagef("--folder is required: no team folder is chosen for this database")
		}
	}
	// The lines of a running sync are stamped, so that the delays between
	// laptops can be read off them; one printer keeps them whole.
	p := &syncPrinter{e: e, stamped: !*once}
	folder, err := teamfolder.Open(teamfolder.Options{Store: store, Dir: *dir, Name: *name, App: AppVersion,
		Debounce: *debounce, Rescan: *rescan, OnChange: p.report})
	if err != nil {
		return err
	}
	if *remember { // only a folder that opened is remembered
		if err := store.SetTeamFolder(e.ctx, *dir); err != nil {
			folder.Close()
			return err
		}
	}
	if *once {
		r, err := folder.SyncOnce(e.ctx)
		p.report(r)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "team folder %s: %d written, %d merged, %d left alone, %d unchanged, %d conflict copies removed\n",
			folder.Status().Folder, len(r.Written), len(r.Merged), len(r.Skipped), r.Unchanged, len(r.Removed))
		return nil
	}
	ctx, stop := signal.NotifyContext(e.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	p.line("syncing %s as %s; stop with Ctrl+C", folder.Status().Folder, folder.Device())
	folder.Start(ctx)
	<-ctx.Done()
	if err := folder.Close(); err != nil {
		return err
	}
	p.line("stopped; every change was written")
	return nil
}

// syncPrinter prints a sync's lines, one a file, each whole.
type syncPrinter struct {
	mu      sync.Mutex
	e       *env
	stamped bool
}

// line prints one line, after the time in UTC (RFC 3339, nanoseconds)
// when the sync runs on.
func (p *syncPrinter) line(format string, args ...any) {
	p.at(time.Now(), format, args...)
}

// at prints one line stamped with the time the thing it tells happened.
func (p *syncPrinter) at(t time.Time, format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stamped {
		fmt.Fprint(p.e.stdout, t.UTC().Format(time.RFC3339Nano)+" ")
	}
	fmt.Fprintf(p.e.stdout, format+"\n", args...)
}

// report prints what one pass over the folder did, in the order it
// happened: a pass may write, merge, then write what the merge changed.
func (p *syncPrinter) report(r teamfolder.Report) {
	type event struct {
		at   time.Time
		text []string
	}
	var events []event
	for _, w := range r.Written {
		text := fmt.Sprintf("wrote %s: %q", w.Path, w.Title)
		if w.Deletion {
			text = fmt.Sprintf("wrote %s: the deletion of %q", w.Path, w.Title)
		}
		events = append(events, event{w.At, []string{text}})
	}
	for _, m := range r.Merged {
		text := []string{fmt.Sprintf("merged %s: %q: %d added, %d updated, %d deleted, %d unchanged", m.Path, m.Title, m.Added, m.Updated, m.Deleted, m.Unchanged)}
		if m.NotErased > 0 {
			text = append(text, fmt.Sprintf(keptBesideErasure(m.NotErased)+"; if that was before the erasure, erase again: deckhand erase --workshop %q", when(m.NotErasedSince), m.Title))
		}
		if len(m.BackupsHolding) > 0 {
			text = append(text, fmt.Sprintf("the file carried an erasure of %q's personal data, now applied here; these backups of this database still hold the data; delete them too: %s", m.Title, strings.Join(m.BackupsHolding, ", ")))
		}
		events = append(events, event{m.At, text})
	}
	for _, s := range r.Skipped {
		events = append(events, event{s.At, []string{fmt.Sprintf("left alone %s: %s", s.Path, s.Why)}})
	}
	slices.SortStableFunc(events, func(a, b event) int { return a.at.Compare(b.at) })
	for _, e := range events {
		for _, t := range e.text {
			p.at(e.at, "%s", t)
		}
	}
	for _, path := range r.Removed {
		p.line("removed %s: a conflict copy now carried by this laptop's file", path)
	}
}
