package kit

import "time"

// When is a backup's time on the person's clock, as sentences name it.
func When(t time.Time) string {
	return t.Local().Format("2006-01-02 15:04")
}
