package storage

import (
	"context"
	"database/sql"
	"fmt"
	"hash/crc64"
	"strings"

	"deckhand/message"

	"github.com/mattn/go-sqlite3"
)

// SQLite keeps no checksum of its pages: a byte flipped on the disk inside
// a row (a letter of a note, a rating's value) reads back as other data, and
// quick_check, which looks at the structure of the file, says nothing. So
// from schema 6 every row of every table carries a checksum of its own
// values in the column row_sum, kept by triggers as rows are written. Open's
// probe, Check and every backup check recompute them all: a row whose
// values no longer give its sum has changed on the disk, and the file is
// damaged like any other (the app offers the newest sound backup).

// DriverName is the database/sql driver of go-sqlite3 with the checksum
// function (and the deck snapshot's hash, snapshotHash, which the migration
// to schema 10 calls) registered on every connection. The store opens every
// database with it, since the triggers call the function on each write; a
// program or test that writes into a Deckhand database by SQL must use it
// too.
const DriverName = "sqlite3_deckhand"

const driverName = DriverName

// rowSumFunc is the SQL name of rowSum.
const rowSumFunc = "deckhand_row_sum"

// rowSumColumn holds a row's checksum.
const rowSumColumn = "row_sum"

// rowSumsSchema is the schema that added the checksums; from it on, every
// migration refreshes them (refreshRowSums).
const rowSumsSchema = 6

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			if err := c.RegisterFunc(rowSumFunc, rowSum, true); err != nil {
				return err
			}
			if err := c.RegisterFunc(snapshotHashFunc, snapshotHash, true); err != nil {
				return err
			}
			return execAll(c, connectPragmas(platform))
		},
	})
}

var crcTable = crc64.MakeTable(crc64.ECMA)

// rowSum is the checksum of a row: CRC-64 of its values as one JSON array,
// which SQLite's json_array writes (see sumOf). JSON keeps each value's
// type and where it ends (a text is quoted and escaped, a number is bare,
// NULL is null), so no change of a value, of its type or of where one value
// ends and the next begins keeps the sum. The tables are STRICT, with TEXT
// and INTEGER columns only, so every value has its JSON form (a BLOB has
// none: a flip that turns a text into one makes the check fail, as it
// should). One argument built in C, rather than one per column, keeps the
// call into Go cheap: Open verifies every row of the file.
func rowSum(row string) int64 {
	return int64(crc64.Update(0, crcTable, []byte(row)))
}

// queryer is what reading the schema needs: a *sql.DB or a *sql.Tx.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// sumTable is a table with the columns its checksum covers.
type sumTable struct {
	name    string
	columns []string // every column but row_sum, in table order
	hasSum  bool
}

// sumTables lists the database's own tables and their columns.
func sumTables(ctx context.Context, q queryer) ([]sumTable, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	var out []sumTable
	for rows.Next() {
		var t sumTable
		if err := rows.Scan(&t.name); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range out {
		cols, err := q.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, out[i].name)
		if err != nil {
			return nil, err
		}
		for cols.Next() {
			var c string
			if err := cols.Scan(&c); err != nil {
				cols.Close()
				return nil, err
			}
			if c == rowSumColumn {
				out[i].hasSum = true
			} else {
				out[i].columns = append(out[i].columns, c)
			}
		}
		cols.Close()
		if err := cols.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ident quotes an SQL identifier read from the schema.
func ident(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// sumOf is the SQL expression of a row's checksum, its columns prefixed.
func (t sumTable) sumOf(prefix string) string {
	args := make([]string, len(t.columns))
	for i, c := range t.columns {
		args[i] = prefix + ident(c)
	}
	return rowSumFunc + "(json_array(" + strings.Join(args, ", ") + "))"
}

// refreshRowSums gives every table its checksum column, triggers that keep
// it on insert and update, and the sums of the rows it holds. It runs in
// the transaction of every migration from rowSumsSchema on, after the
// migration's own SQL, so a column a later migration adds is covered too.
func refreshRowSums(ctx context.Context, tx *sql.Tx) error {
	tables, err := sumTables(ctx, tx)
	if err != nil {
		return err
	}
	for _, t := range tables {
		name := ident(t.name)
		var stmts []string
		if !t.hasSum {
			stmts = append(stmts, fmt.Sprintf("ALTER TABLE %s ADD COLUMN %s INTEGER", name, rowSumColumn))
		}
		set := fmt.Sprintf("UPDATE %s SET %s = %s WHERE rowid = NEW.rowid;", name, rowSumColumn, t.sumOf("NEW."))
		cols := make([]string, len(t.columns))
		for i, c := range t.columns {
			cols[i] = ident(c)
		}
		stmts = append(stmts,
			fmt.Sprintf("DROP TRIGGER IF EXISTS %s", ident(t.name+"_row_sum_insert")),
			fmt.Sprintf("DROP TRIGGER IF EXISTS %s", ident(t.name+"_row_sum_update")),
			fmt.Sprintf("UPDATE %s SET %s = %s", name, rowSumColumn, t.sumOf("")),
			fmt.Sprintf("CREATE TRIGGER %s AFTER INSERT ON %s BEGIN %s END", ident(t.name+"_row_sum_insert"), name, set),
			fmt.Sprintf("CREATE TRIGGER %s AFTER UPDATE OF %s ON %s BEGIN %s END", ident(t.name+"_row_sum_update"), strings.Join(cols, ", "), name, set),
		)
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return fmt.Errorf("checksums of %s: %w", t.name, err)
			}
		}
	}
	return nil
}

// changedRow is a row whose values no longer give its checksum.
type changedRow struct {
	table string
	rowid int64
}

// Message is the sentence, which the app says in the interface's language.
func (r changedRow) Message() message.Message {
	return message.Say("%s, row %d of table %s, has changed on the disk since it was saved", recordNoun(r.table), r.rowid, r.table)
}

func (r changedRow) Error() string { return r.Message().String() }

// changedRows recomputes the checksum of every row of a database of schema
// rowSumsSchema or later and returns up to limit rows that fail it. A table
// without its checksum column is damage too: its schema was changed.
func changedRows(ctx context.Context, db *sql.DB, limit int) ([]changedRow, error) {
	tables, err := sumTables(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []changedRow
	for _, t := range tables {
		if !t.hasSum {
			return nil, fmt.Errorf("table %s has lost its checksums", t.name)
		}
		rows, err := db.QueryContext(ctx, fmt.Sprintf("SELECT rowid FROM %s NOT INDEXED WHERE %s IS NOT %s LIMIT %d",
			ident(t.name), rowSumColumn, t.sumOf(""), limit-len(out)))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			r := changedRow{table: t.name}
			if err := rows.Scan(&r.rowid); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(out) >= limit {
			break
		}
	}
	return out, nil
}

// verifyRowSums is changedRows as one error: the first changed row, or
// why the sums could not be read. A database older than rowSumsSchema has
// none to verify.
func verifyRowSums(ctx context.Context, db *sql.DB, version int) error {
	if version < rowSumsSchema {
		return nil
	}
	changed, err := changedRows(ctx, db, 1)
	if err != nil {
		return err
	}
	if len(changed) > 0 {
		return changed[0]
	}
	return nil
}
