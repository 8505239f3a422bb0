package kit

import (
	"fyne.io/fyne/v2"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens the chosen file for writing, truncating it,
// before it hands it over; Deckhand only wants the path, and writes the
// file itself, atomically, once it has checked that the path may be
// written (never the open database, a read-only file only after a Yes).
// So the dialog was emptying the database when the person picked it and
// said Yes to "Overwrite?". Save dialogs therefore run with the file
// repository's Writer made lazy: it opens nothing until something is
// written, which nothing in Deckhand does.

// fileRepository is everything Fyne's own file repository is.
type fileRepository interface {
	repository.Repository
	repository.WritableRepository
	repository.AppendableRepository
	repository.ListableRepository
	repository.HierarchicalRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// lazyWrites is the file repository with a Writer that opens on first write.
type lazyWrites struct{ fileRepository }

func (r lazyWrites) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fileRepository.Writer}, nil
}

type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open(l.uri)
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}

// makeSaveDialogLazy puts lazyWrites in place of the file repository the
// driver registered (again after a new app registered its own).
func makeSaveDialogLazy() {
	r, err := repository.ForURI(fynestorage.NewFileURI("/"))
	if err != nil {
		return
	}
	if _, done := r.(lazyWrites); done {
		return
	}
	if fr, ok := r.(fileRepository); ok {
		repository.Register("file", lazyWrites{fr})
	}
}
