package kit

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"deckhand/storage"
)

// Where a save goes. Fyne's save dialog joins whatever is typed in its
// name field to the folder it shows, so a whole path typed there
// ("/home/anna/kit.pdf", "~/kit.pdf") names a folder inside the shown one
// that does not exist; Fyne then hands over an error, and the app used to
// close the dialog and write nothing, without a word. AskSavePath reads the
// typed name itself and SavePath decides: a path is written where it
// points, a folder gets the proposed name inside it, and anything else is
// one sentence saying why not.

// AskSavePath shows the save dialog with a proposed file name (and the
// extensions it lists), then hands the path to save to on to save, or
// shows why there is none. A cancelled dialog does nothing. store is the
// screen's store: when it guards paths (a *storage.Store does), the
// database's own files are refused; a read-only file is replaced only after
// a Yes.
func AskSavePath(win fyne.Window, store any, name string, exts []string, save func(path string)) {
	makeSaveDialogLazy()
	var typed *widget.Entry
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if w == nil && err == nil {
			return
		}
		chosen := ""
		if w != nil {
			chosen = w.URI().Path()
			w.Close()
		} else if pe := (*fs.PathError)(nil); errors.As(err, &pe) {
			chosen = pe.Path
		}
		text := name
		if typed != nil {
			text = typed.Text
		}
		home, _ := os.UserHomeDir()
		path, perr := SavePath(text, chosen, home, name) // the dialog made no file at chosen (see makeSaveDialogLazy)
		switch {
		case perr != nil:
			ShowError(win, perr)
		case chosen == "" && err != nil:
			ShowError(win, errors.New(Sentence(ErrorText(err))))
		default:
			checkSavePath(win, store, path, save)
		}
	}, win)
	d.SetFileName(name)
	d.SetFilter(fynestorage.NewExtensionFileFilter(exts))
	typed = ShowFileDialog(win, d)
}

// SavePath is where to save: typed is what was typed in the dialog's name
// field, chosen the path the dialog made of it (its folder joined with the
// typed text; "" when it made none), home the user's home folder and name
// the proposed file name. An absolute path and one starting with ~ are
// taken as they are; a folder gets name inside it. The error is one
// sentence for the person.
func SavePath(typed, chosen, home, name string) (string, error) {
	t := strings.TrimSpace(typed)
	p := chosen
	switch {
	case t == "":
		return "", errors.New(lang.L("Type a file name to save as."))
	case t == "~" || strings.HasPrefix(t, "~/"):
		p = filepath.Join(home, strings.TrimPrefix(t, "~"))
	case filepath.IsAbs(t):
		p = filepath.Clean(t)
	case p == "":
		return "", fmt.Errorf(lang.L("There is no folder %s: choose a folder that exists, or create it first."), filepath.Dir(t))
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		p = filepath.Join(p, name)
	}
	dir := filepath.Dir(p)
	st, err := os.Stat(dir)
	switch {
	case err != nil:
		return "", fmt.Errorf(lang.L("There is no folder %s: choose a folder that exists, or create it first."), dir)
	case !st.IsDir():
		return "", fmt.Errorf(lang.L("%s is a file, not a folder: choose a folder to save in."), dir)
	}
	return p, nil
}

// PathGuard is what a store says about a path a save would write.
type PathGuard interface {
	Protects(path string) error
}

// checkSavePath hands path on to save unless it is one of the open
// database's own files (then it says so), and asks first when it would
// replace a read-only file.
func checkSavePath(win fyne.Window, store any, path string, save func(path string)) {
	if g, ok := store.(PathGuard); ok {
		if err := g.Protects(path); err != nil {
			ShowError(win, fmt.Errorf(lang.L("%s is the database Deckhand has open, one of its files or in its backup folder: choose another name or folder."), path))
			return
		}
	}
	if errors.Is(storage.CheckReplace(path), storage.ErrReadOnlyFile) {
		ShowConfirm(win, lang.L("Replace a read-only file?"),
			fmt.Sprintf(lang.L("%s is read-only, so somebody may have meant to keep it as it is. Replace it anyway?"), path),
			func(yes bool) {
				if yes {
					save(path)
				}
			})
		return
	}
	save(path)
}
