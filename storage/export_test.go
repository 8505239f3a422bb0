package storage

// DSN is the connection string the store opens its file with, for the
// external tests that measure a bare SQLite connection against the store.
func DSN(path, mode string) string { return dsn(path, mode) }

// SmashPages damages every b-tree page of a closed database file past the
// first, for the external tests of what is done with damaged backups.
var SmashPages = smashPages
