package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"deckhand/storage"
)

// backupEvery is how often the app takes a backup while it is used.
const backupEvery = 30 * time.Minute

// keepBackups takes a verified backup now and then every half hour, off
// the UI goroutine; a failed backup is shown, since it usually means a full
// disk that will soon stop saving too.
func keepBackups(w fyne.Window, store *storage.Store) {
	ticker := time.NewTicker(backupEvery)
	defer ticker.Stop()
	for {
		if _, err := store.AutoBackup(context.Background()); err != nil {
			fyne.Do(func() {
				dialog.ShowError(errors.New(sentence(fmt.Sprintf(lang.L("the automatic backup failed: %v"), err))), w)
			})
		}
		<-ticker.C
	}
}

// checkDatabase runs the database check and says what it found.
func checkDatabase(w fyne.Window, store *storage.Store) {
	report, err := store.Check(context.Background())
	switch {
	case err != nil:
		dialog.ShowError(err, w)
	case report.OK:
		dialog.ShowInformation(lang.L("Database check"), lang.L("The database is sound."), w)
	default:
		dialog.ShowInformation(lang.L("Database check"), strings.Join(report.Problems, "\n"), w)
	}
}
