package print

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"deckhand/pdf"
	"deckhand/storage"
)

// slowStore lets a test run the Print screen while a background print is
// in the middle of writing its PDF.
type slowStore struct {
	Store
	started, release chan struct{}
	saves            atomic.Int32
}

func (s *slowStore) SavePrint(ctx context.Context, path string, job *storage.PrintJob, write func(w io.Writer) error) error {
	if s.saves.Add(1) == 1 {
		close(s.started)
	}
	err := s.Store.SavePrint(ctx, path, job, write)
	<-s.release
	return err
}

// TestBackgroundPrintWhilePreflightRenders prints the workshop kit in the
// background while the screen's preflight renders the board again and
// again, as it does when the person changes options during a print. Run
// with -race: the print reads nothing from the widgets and changes them
// only through fyne.Do, and the two PDFs rendered at once do not share
// state. A second print asked for meanwhile is not started.
func TestBackgroundPrintWhilePreflightRenders(t *testing.T) {
	f, p := newPrintFixture(t)
	slow := &slowStore{Store: f.Store, started: make(chan struct{}), release: make(chan struct{})}
	p.store = slow
	p.What.SetKey(PrintKit)
	done := make(chan struct{})
	p.afterPrint = func() { close(done) }
	dir := t.TempDir()
	p.runInBackground(dir)
	<-slow.started
	if !p.printing || !p.printBtn.Disabled() {
		t.Error("the Print button is not disabled while printing")
	}
	p.runInBackground(t.TempDir()) // ignored: one print at a time
	for range 3 {
		p.opts.bleed.SetText("2")
		p.opts.bleed.SetText("0")
		if !p.printBtn.Disabled() {
			t.Error("preflight enabled the Print button during the print")
		}
	}
	close(slow.release)
	<-done
	if p.printing || p.printBtn.Disabled() {
		t.Error("the Print button stays disabled after the print")
	}
	if n := slow.saves.Load(); n != 4 {
		t.Errorf("%d files saved, want the kit's 4 and no second print", n)
	}
	kit := filepath.Join(dir, pdf.KitFolder(p.deck, p.language.Key()))
	for _, name := range []string{"cards.pdf", "board.pdf", "rating-sheets.pdf", "guide.pdf"} {
		isPDF(t, filepath.Join(kit, name))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the print folder holds %d entries, want the kit's folder", len(entries))
	}
	jobs, err := f.Store.PrintJobs(context.Background(), p.deck.ID)
	if err != nil || len(jobs) != 4 {
		t.Errorf("print history = %d jobs, %v; want 4", len(jobs), err)
	}
}
