package print

import (
	"context"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"

	"deckhand/storage"
)

// A kit is never printed into the database's backup folder.
func TestAKitIsNotPrintedIntoTheBackupFolder(t *testing.T) {
	f, p := newPrintFixture(t)
	f.Win.SetContent(p.Content())
	backups := storage.BackupDir(f.Store.Path())
	if _, err := f.Store.Backup(context.Background(), backups); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadDir(backups)
	fyne.CurrentApp().Preferences().SetString("fyne:fileDialogLastFolder", fynestorage.NewFileURI(backups).String())
	p.What.SetKey(PrintKit)
	p.AskWhere()
	f.TapDialogButton("Open")
	if said := f.DialogText(); !strings.Contains(said, "choose another") {
		t.Errorf("the dialog said %q; want a refusal", said)
	}
	if after, _ := os.ReadDir(backups); len(after) != len(before) {
		t.Errorf("the backup folder holds %d entries after the kit, %d before", len(after), len(before))
	}
}
