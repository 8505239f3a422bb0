package storage

// DSN is the connection string the store opens its file with, for the
// external tests that measure a bare SQLite connection against the store.
func DSN(path, mode string) string { return dsn(path, mode) }

// SmashPages damages every b-tree page of a closed database file past the
// first, for the external tests of what is done with damaged backups.
var SmashPages = smashPages

// SetRemoveFile replaces the function leftovers are removed with, for the
// tests of a leftover that cannot be removed, and returns the undo.
func SetRemoveFile(f func(string) error) (undo func()) {
	old := removeFile
	removeFile = f
	return func() { removeFile = old }
}

// SetCrashPoint replaces the function called between the steps of a
// restore and of an erasure, for the crash tests that kill a child process
// at each step, and returns the undo.
func SetCrashPoint(f func(step string)) (undo func()) {
	old := crashPoint
	crashPoint = f
	return func() { crashPoint = old }
}
