package storage

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
)

// SavePrint writes a printed document to path atomically and then records
// it in the print history (which marks the deck printed). The desktop app
// and the command line print through it, so no print is ever written
// without its record. A failed write records nothing and leaves whatever was
// at path untouched; if only the record fails, the file stays and the error
// says so.
func (s *Store) SavePrint(ctx context.Context, path string, job *PrintJob, write func(w io.Writer) error) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err := WriteFileAtomic(abs, write); err != nil {
		return err
	}
	job.File = abs
	if err := s.RecordPrint(ctx, job); err != nil {
		return fmt.Errorf("%s was written, but the print could not be recorded in the deck's history: %w", abs, err)
	}
	return nil
}
