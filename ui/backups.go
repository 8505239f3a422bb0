package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"deckhand/storage"
	"deckhand/ui/kit"
)

// backupEvery is how often the app takes a backup while it is used.
const backupEvery = 30 * time.Minute

// backupOnStartDelay is how long the backup on start waits: it copies and
// checks the whole file, as long as the window takes to draw its first
// screen on a big database, and on the second core, which the drawing
// needs too ("Start-up: the Decks screen first" in docs/performance.md).
const backupOnStartDelay = time.Second

// keepBackups takes a verified backup soon (when now is set: after
// backupOnStartDelay) and then every period, off the UI goroutine, until
// stop closes; a failed backup is shown, since it usually means a full
// disk that will soon stop saving too.
func keepBackups(w fyne.Window, store *storage.Store, period time.Duration, now bool, stop <-chan struct{}) {
	ticker := time.NewTicker(period)
	defer ticker.Stop()
	if now {
		select {
		case <-stop:
			return
		case <-time.After(backupOnStartDelay):
		}
	}
	for {
		if now {
			if _, err := store.AutoBackup(context.Background()); err != nil {
				select {
				case <-stop: // the store was closed meanwhile: not a failure to report
					return
				default:
				}
				fyne.Do(func() {
					kit.ShowError(w, errors.New(kit.Sentence(fmt.Sprintf(lang.L("the automatic backup failed: %v"), kit.ErrorText(err)))))
				})
			}
		}
		now = true
		select {
		case <-stop:
			return
		case <-ticker.C:
		}
	}
}
