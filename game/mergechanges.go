package game

import "slices"

// TableChanges counts what changed on one team's board between two
// versions of a workshop, as the note-taker sees it: cards laid, cards
// taken off, cards moved or edited (area, path, role, interaction cards,
// own text), ratings whose value now shown differs, and notes added,
// edited or removed.
type TableChanges struct {
	Laid, Removed, Moved, Ratings, Notes int
}

// Total is the number of changes.
func (c TableChanges) Total() int { return c.Laid + c.Removed + c.Moved + c.Ratings + c.Notes }

// ChangesBetween compares two sessions of the same workshop (live records,
// as Session gives them), before and after a change such as a merge, team
// by team. A nil before is an empty workshop. Teams without a change are
// left out.
func ChangesBetween(before, after *File) map[string]TableChanges {
	if before == nil {
		before = &File{}
	}
	out := map[string]TableChanges{}
	add := func(team string, fn func(*TableChanges)) {
		c := out[team]
		fn(&c)
		out[team] = c
	}
	// The team of a play, from either version: a rating or note of a play
	// taken off still belongs to the table it lay on.
	teamOf := map[string]string{}
	for _, f := range []*File{before, after} {
		for _, p := range f.Plays {
			teamOf[p.ID] = p.TeamID
		}
	}
	oldPlays := map[string]Play{}
	for _, p := range before.Plays {
		oldPlays[p.ID] = p
	}
	for _, p := range after.Plays {
		old, ok := oldPlays[p.ID]
		delete(oldPlays, p.ID)
		switch {
		case !ok:
			add(p.TeamID, func(c *TableChanges) { c.Laid++ })
		case !samePlace(old, p):
			add(p.TeamID, func(c *TableChanges) { c.Moved++ })
		}
	}
	for _, p := range oldPlays {
		add(p.TeamID, func(c *TableChanges) { c.Removed++ })
	}

	oldShown, newShown := shownRatings(before.Ratings), shownRatings(after.Ratings)
	for k, r := range newShown {
		if old, ok := oldShown[k]; !ok || old.Value != r.Value {
			add(teamOf[k.play], func(c *TableChanges) { c.Ratings++ })
		}
	}
	for k := range oldShown {
		if _, ok := newShown[k]; !ok {
			add(teamOf[k.play], func(c *TableChanges) { c.Ratings++ })
		}
	}

	noteTeam := func(n Note) string {
		if n.TeamID != "" {
			return n.TeamID
		}
		return teamOf[n.PlayID]
	}
	oldNotes := map[string]Note{}
	for _, n := range before.Notes {
		oldNotes[n.ID] = n
	}
	for _, n := range after.Notes {
		old, ok := oldNotes[n.ID]
		delete(oldNotes, n.ID)
		if !ok || old.Text != n.Text || old.Kind != n.Kind || old.PlayID != n.PlayID {
			add(noteTeam(n), func(c *TableChanges) { c.Notes++ })
		}
	}
	for _, n := range oldNotes {
		add(noteTeam(n), func(c *TableChanges) { c.Notes++ })
	}
	for team, c := range out {
		if c.Total() == 0 {
			delete(out, team)
		}
	}
	return out
}

// samePlace reports whether a play lies where it lay, as it was.
func samePlace(a, b Play) bool {
	return a.TeamID == b.TeamID && a.Code == b.Code && a.Text == b.Text && a.Area == b.Area &&
		a.PathID == b.PathID && a.Position == b.Position && a.Role == b.Role && slices.Equal(a.Interactions, b.Interactions)
}

// ratingKey is what one shown rating is of.
type ratingKey struct{ play, criterion, rater string }

// shownRatings is the rating that counts for each play, criterion and
// rater (the newest, as Current chooses it).
func shownRatings(ratings []Rating) map[ratingKey]Rating {
	out := map[ratingKey]Rating{}
	for _, r := range ratings {
		if r.Deleted {
			continue
		}
		k := ratingKey{r.PlayID, r.Criterion, r.Rater}
		if old, ok := out[k]; !ok || r.At.After(old.At) || (r.At.Equal(old.At) && r.ID > old.ID) {
			out[k] = r
		}
	}
	return out
}
