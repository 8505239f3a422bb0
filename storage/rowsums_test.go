package storage

import (
	"context"
	"testing"
)

// Migrating a schema 5 file (the example workshop imported into the
// default deck, made by the schema 5 build) backs it up first, as it was,
// and gives every row of every table a checksum that its values give.
func TestMigrationGivesEveryRowItsChecksum(t *testing.T) {
	ctx := context.Background()
	path := copyFixture(t, "schema-5.db")
	s, err := Open(path)
	if err != nil {
		t.Fatalf("Open(schema 5 fixture): %v", err)
	}
	defer s.Close()

	backups, err := Backups(BackupDir(path))
	if err != nil || len(backups) != 1 {
		t.Fatalf("Backups = %v, %v; want the one taken before the migration", backups, err)
	}
	old := openRaw(t, backups[0].Path)
	var version int
	if err := old.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != 5 {
		t.Errorf("the backup before the migration is at schema %d (%v); want 5", version, err)
	}

	tables, err := sumTables(ctx, s.db)
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, tb := range tables {
		if !tb.hasSum {
			t.Errorf("table %s has no checksum column", tb.name)
			continue
		}
		var n, missing int
		if err := s.db.QueryRow("SELECT COUNT(*), COUNT(*) - COUNT(row_sum) FROM "+ident(tb.name)).Scan(&n, &missing); err != nil {
			t.Fatal(err)
		}
		if missing != 0 {
			t.Errorf("table %s: %d of %d rows have no checksum", tb.name, missing, n)
		}
		rows += n
	}
	if rows < 300 {
		t.Errorf("the fixture holds only %d rows", rows)
	}
	changed, err := changedRows(ctx, s.db, 10)
	if err != nil || len(changed) != 0 {
		t.Errorf("after the migration, changedRows = %v, %v; want none", changed, err)
	}

	// Rows written later get theirs from the triggers.
	if _, err := s.db.Exec(`UPDATE card_texts SET title = title || '!' WHERE rowid = (SELECT MIN(rowid) FROM card_texts)`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`INSERT INTO meta (key, value) VALUES ('test', 'x')`); err != nil {
		t.Fatal(err)
	}
	if changed, err := changedRows(ctx, s.db, 10); err != nil || len(changed) != 0 {
		t.Errorf("after an update and an insert, changedRows = %v, %v; want none", changed, err)
	}
	if _, err := s.db.Exec(`UPDATE meta SET row_sum = row_sum + 1 WHERE key = 'test'`); err != nil {
		t.Fatal(err)
	}
	if changed, err := changedRows(ctx, s.db, 10); err != nil || len(changed) != 1 || changed[0].table != "meta" {
		t.Errorf("with one sum wrong, changedRows = %v, %v; want the meta row", changed, err)
	}
}
