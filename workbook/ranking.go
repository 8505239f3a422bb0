package workbook

import (
	"cmp"
	"slices"

	"deckhand/game"
	"deckhand/message"
)

// rankingColumns are the columns of the Ranking sheet and of each area's
// and table's: the play's rank, card, table, area and path, then each
// perspective's mean, spread and raters, then the quadrant; on a workbook
// of several workshops led by the workshop's title and date.
func rankingColumns(several bool) []column {
	var cols []column
	if several {
		cols = append(cols, col(wordWorkshop, kindText), col(wordDate, kindDate))
	}
	cols = append(cols,
		col(wordRank, kindCount), col(wordCode, kindText), col(wordTitle, kindText),
		col(wordTable, kindText), col(wordArea, kindText), col(wordPath, kindText))
	cols = append(cols, perspectiveColumns(wordCustomerMean, wordCustomer)...)
	cols = append(cols, perspectiveColumns(wordOrgMean, wordOrganisation)...)
	return append(cols, col(wordQuadrant, kindText))
}

// perspectiveColumns are a perspective's mean, lowest and highest value
// and number of raters.
func perspectiveColumns(meanHead, perspective message.Message) []column {
	return []column{
		col(meanHead, kindMean), col(lowest(perspective), kindCount),
		col(highest(perspective), kindCount), col(raters(perspective), kindCount),
	}
}

// addRanking writes the workshop's plays in the order of its ranking.
func (b *Book) addRanking(f *game.File, r *game.WorkshopResults) error {
	return b.rankRows(b.ranking, &f.Workshop, r.Plays)
}

// rankRows writes plays, ranked, one a row, numbered from 1.
func (b *Book) rankRows(s *sheet, w *game.Workshop, plays []game.PlayResult) error {
	for i, p := range plays {
		var row []cell
		if b.several {
			row = append(row, text(w.Title), day(w.Date))
		}
		row = append(row, count(i+1), text(p.Play.Code), text(p.Title), text(p.Team), text(areaName(w, b.lang, p.Play.Area)), text(p.Path))
		for _, sc := range []game.Score{p.Customer, p.Organisation} {
			row = append(row, mean(sc), lowOf(sc), highOf(sc), scored(sc.Rated, float64(sc.Raters)))
		}
		row = append(row, text(b.quadrant(p.Quadrant)))
		if err := s.add(row...); err != nil {
			return err
		}
	}
	return nil
}

// quadrant names a quadrant as the Results screen does; a play without
// one is not rated.
func (b *Book) quadrant(q string) string { return say(b.lang, game.QuadrantWord(q)) }

// areaName is an area's name in lang (the workbook's), or its key when
// the deck has no such area.
func areaName(w *game.Workshop, lang, key string) string {
	d := w.Deck
	if d == nil {
		return key
	}
	if a, ok := d.Area(key); ok {
		if name := a.Name.Or(d.Lang(lang), d.DefaultLang); name != "" {
			return name
		}
	}
	return key
}

// addAreas adds a sheet per area of the board, in the board's order (and
// one for each area a play lies in that the board lacks), each with the
// plays laid in it, ranked.
func (b *Book) addAreas(f *game.File, r *game.WorkshopResults) error {
	by := r.ByArea()
	for _, a := range r.Areas {
		if err := b.rankingOf(areaName(&f.Workshop, b.lang, a.Area), &f.Workshop, by[a.Area]); err != nil {
			return err
		}
	}
	return nil
}

// addTables adds a sheet per table, in the tables' order, each with the
// table's plays, ranked.
func (b *Book) addTables(f *game.File, r *game.WorkshopResults) error {
	by := r.ByTeam()
	done := map[string]bool{} // two tables of one name share their plays (ByTeam)
	for _, t := range liveTeams(f) {
		if done[t.Name] {
			continue
		}
		done[t.Name] = true
		if err := b.rankingOf(t.Name, &f.Workshop, by[t.Name]); err != nil {
			return err
		}
	}
	return nil
}

// rankingOf adds a finished sheet named name with plays, ranked.
func (b *Book) rankingOf(name string, w *game.Workshop, plays []game.PlayResult) error {
	s, err := b.addSheet(name, rankingColumns(b.several))
	if err != nil {
		return err
	}
	if err := b.rankRows(s, w, plays); err != nil {
		return err
	}
	return s.finish()
}

// liveTeams are the workshop's tables that are not deleted, in their
// order on the board.
func liveTeams(f *game.File) []game.Team {
	var teams []game.Team
	for _, t := range f.Teams {
		if !t.Deleted {
			teams = append(teams, t)
		}
	}
	slices.SortStableFunc(teams, func(a, b game.Team) int { return cmp.Compare(a.Position, b.Position) })
	return teams
}
