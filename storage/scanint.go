package storage

import "fmt"

// intColumn is where database/sql's Scan puts an INTEGER column that goes
// into an int: database/sql itself converts such a column by way of its
// decimal text (it only assigns an int64 directly), which costs more than
// the rest of a rating's row.
type intColumn struct{ to *int }

// intInto scans an INTEGER column into *to.
func intInto(to *int) intColumn { return intColumn{to} }

// Scan implements sql.Scanner.
func (c intColumn) Scan(v any) error {
	n, ok := v.(int64)
	if !ok {
		return fmt.Errorf("an integer column holds %T", v)
	}
	*c.to = int(n)
	return nil
}
