package game

import (
	"sort"
	"time"
)

// parseDate reads a YYYY-MM-DD date.
func parseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

// RetentionPassed reports whether the workshop's retention date is before
// today (as a calendar day where the app runs): its personal data should
// then be erased.
func (w *Workshop) RetentionPassed(today time.Time) bool {
	return w.Retention != "" && today.Format(time.DateOnly) > w.Retention
}

// Board is one team's plays, by area, each area in its board order.
type Board map[string][]Play

// BoardOf arranges a team's live plays by area, in position order (and by
// id to keep equal positions stable).
func BoardOf(plays []Play, teamID string) Board {
	b := Board{}
	for _, p := range plays {
		if p.TeamID == teamID && !p.Deleted {
			b[p.Area] = append(b[p.Area], p)
		}
	}
	for area := range b {
		sort.Slice(b[area], func(i, j int) bool {
			x, y := b[area][i], b[area][j]
			if x.Position != y.Position {
				return x.Position < y.Position
			}
			return x.ID < y.ID
		})
	}
	return b
}

// NextPosition is the position after the last play in an area: where a new
// card goes.
func (b Board) NextPosition(area string) int {
	n := 0
	for _, p := range b[area] {
		n = max(n, p.Position+1)
	}
	return n
}

// Current returns the rating that counts for each criterion of a play by
// a rater: the newest live one.
func Current(ratings []Rating, playID, rater string) map[string]Rating {
	out := map[string]Rating{}
	for _, r := range ratings {
		if r.PlayID != playID || r.Rater != rater || r.Deleted {
			continue
		}
		if old, ok := out[r.Criterion]; !ok || replaces(&r, &old) {
			out[r.Criterion] = r
		}
	}
	return out
}

// replaces reports whether rating r counts instead of old, by the same
// rater for the same criterion of the same play: the newer counts, and of
// two given at the same time the one with the greater id.
func replaces(r, old *Rating) bool {
	return r.At.After(old.At) || (r.At.Equal(old.At) && r.ID > old.ID)
}
