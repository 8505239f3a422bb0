package storage

import "runtime"

// platform is the system this build runs on. The rules that differ between
// platforms take it as an argument, so that Linux tests them all.
var platform = runtime.GOOS

// connectPragmas are the statements every connection runs as it opens,
// beyond the DSN's options, on the platform goos. On macOS fsync only
// hands the data to the drive, whose cache a power cut empties: SQLite
// asks the drive to write it down (F_FULLFSYNC) only with fullfsync, and
// with checkpoint_fullfsync when it copies the log into the file. Without
// them "saved" would not survive a power cut there. Linux's and Windows'
// syncs already reach the disk.
func connectPragmas(goos string) []string {
	switch goos {
	case "darwin", "ios":
		return []string{"PRAGMA fullfsync = ON", "PRAGMA checkpoint_fullfsync = ON"}
	}
	return nil
}
