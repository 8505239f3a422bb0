package storage

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// The connection options must be in the DSN, so that every pooled
// connection gets them; go-sqlite3 reads the part after the first '?'.
func TestDSNCarriesTheConnectionOptions(t *testing.T) {
	got := dsn("/home/aino/.local/share/deckhand/deckhand.db", "rw")
	if !strings.HasPrefix(got, "file:") {
		t.Errorf("dsn = %q; want a file: URI, or SQLite ignores mode=", got)
	}
	for _, opt := range []string{"_synchronous=FULL", "_journal_mode=WAL", "_foreign_keys=1", "_txlock=immediate", "_busy_timeout=5000", "_stmt_cache_size=128", "mode=rw"} {
		if !strings.Contains(got, opt) {
			t.Errorf("dsn = %q; want it to contain %s", got, opt)
		}
	}
}

func TestDSNEscapesThePath(t *testing.T) {
	tests := []struct{ path, want string }{
		{"/data/deckhand.db", "file:/data/deckhand.db"},
		{"/data/what?.db", "file:/data/what%3f.db"},
		{"/data/deck #2.db", "file:/data/deck %232.db"},
		{"/data/100%.db", "file:/data/100%25.db"},
		{"/data/a?mode=ro#x.db", "file:/data/a%3fmode=ro%23x.db"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			file, query, ok := strings.Cut(dsn(tt.path, "rw"), "?")
			if !ok || file != tt.want {
				t.Errorf("file part = %q, want %q", file, tt.want)
			}
			v, err := url.ParseQuery(query)
			if err != nil || v.Get("mode") != "rw" || v.Get("_synchronous") != "FULL" {
				t.Errorf("query %q parses as %v, %v; want mode=rw and _synchronous=FULL", query, v, err)
			}
		})
	}
}

// The options reached the store's own connection: this is what every
// commit runs with.
func TestStoreConnectionSettings(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), "deckhand.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	pragmas := []struct {
		pragma string
		want   string
	}{
		{"synchronous", "2"}, // FULL
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
	}
	for _, p := range pragmas {
		var got string
		if err := s.db.QueryRow("PRAGMA " + p.pragma).Scan(&got); err != nil || got != p.want {
			t.Errorf("PRAGMA %s = %q, %v; want %s", p.pragma, got, err, p.want)
		}
	}
	if n := s.db.Stats().MaxOpenConnections; n != 1 {
		t.Errorf("MaxOpenConnections = %d, want 1 (one writer)", n)
	}
}
