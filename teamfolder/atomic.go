package teamfolder

import (
	"fmt"
	"os"
	"path/filepath"
)

// tmpEnding ends the name of a file this package is still writing. It
// begins with a dot too (".<name>.deckhand-tmp"), which every sync engine
// and every reader here skips.
const tmpEnding = ".deckhand-tmp"

// writeAtomic replaces path with data so that no reader, and no sync
// engine, ever sees a part of it: the bytes go to a hidden temporary file
// in the same folder (a rename across folders would be a copy), are
// flushed to the disk, and the temporary file is renamed over path; the
// folder is then flushed too where the system allows it, so that the
// rename survives a power cut. On failure the temporary file is removed
// and path is as it was.
func writeAtomic(path string, data []byte) (err error) {
	dir, name := filepath.Split(path)
	tmp := filepath.Join(dir, "."+name+tmpEnding)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	if err := syncDir(dir); err != nil {
		return fmt.Errorf("%s was written, but its folder could not be flushed to the disk: %w", path, err)
	}
	return nil
}
