package storage_test

import (
	"context"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"deckhand/game"
)

func TestSaveTeamPathAndParticipantAreIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Records")
	team := &game.Team{Name: "Bear", Position: 2}
	path := &game.Path{TeamID: teams[0].ID, Name: "Consent first"}
	person := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Blue", Role: "customer service", RealName: " Aino Virtanen "}
	for range 2 { // the second round is a retry: nothing new
		mustSave(t, s.SaveTeam(ctx, w.ID, team))
		mustSave(t, s.SavePath(ctx, w.ID, path))
		mustSave(t, s.SaveParticipant(ctx, w.ID, person))
	}
	if n := workshopRows(t, db); n["teams"] != 3 || n["paths"] != 1 || n["participants"] != 1 || n["participant_names"] != 1 {
		t.Errorf("rows after saving each record twice: %v; want 3 teams, 1 path, 1 participant, 1 name", n)
	}
	if team.ID == "" || team.Updated.IsZero() || path.Updated.IsZero() || person.RealName != "Aino Virtanen" {
		t.Errorf("saved records: %+v %+v %+v", team, path, person)
	}
	f := session(t, s, w.ID, false)
	wantPerson := *person
	wantPerson.RealName = "" // never in a session
	if !reflect.DeepEqual(f.Teams[2], *team) || !reflect.DeepEqual(f.Paths, []game.Path{*path}) ||
		!reflect.DeepEqual(f.Participants, []game.Participant{wantPerson}) {
		t.Errorf("Session: teams %+v, paths %+v, participants %+v", f.Teams, f.Paths, f.Participants)
	}
	names, err := s.RealNames(ctx, w.ID)
	if err != nil || !reflect.DeepEqual(names, map[string]string{person.ID: "Aino Virtanen"}) {
		t.Errorf("RealNames = %v, %v", names, err)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM participants WHERE pseudonym LIKE '%Aino%' OR role LIKE '%Aino%'"); n != 0 {
		t.Error("the real name reached the participants table")
	}

	// An empty real name forgets the stored one for real.
	person.RealName = ""
	mustSave(t, s.SaveParticipant(ctx, w.ID, person))
	if n := queryInt(t, db, "SELECT COUNT(*) FROM participant_names"); n != 0 {
		t.Errorf("participant_names holds %d rows after the name was removed", n)
	}

	// Deleted: a tombstone, out of the live session, back when saved live.
	team.Deleted = true
	mustSave(t, s.SaveTeam(ctx, w.ID, team))
	if f := session(t, s, w.ID, false); len(f.Teams) != 2 {
		t.Errorf("live teams after deleting one: %+v", f.Teams)
	}
	if f := session(t, s, w.ID, true); len(f.Teams) != 3 || !f.Teams[2].Deleted {
		t.Errorf("teams with tombstones: %+v", f.Teams)
	}
	requireNotFound(t, s.SavePlay(ctx, w.ID, play(team.ID, "R01", "collection", 0)))
	team.Deleted = false
	mustSave(t, s.SaveTeam(ctx, w.ID, team))
	mustSave(t, s.SavePlay(ctx, w.ID, play(team.ID, "R01", "collection", 0)))
}

func TestSaveTeamPathAndParticipantRefusals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Refusals")
	other, otherTeams := newWorkshop(t, s, d, "Other")
	before := workshopRows(t, db)
	requireRule(t, s.SaveTeam(ctx, w.ID, &game.Team{Name: ""}))
	requireRule(t, s.SavePath(ctx, w.ID, &game.Path{TeamID: teams[0].ID}))
	requireRule(t, s.SaveParticipant(ctx, w.ID, &game.Participant{Pseudonym: "  "}))
	requireNotFound(t, s.SaveTeam(ctx, "no-such-workshop", &game.Team{Name: "X"}))
	requireNotFound(t, s.SavePath(ctx, w.ID, &game.Path{TeamID: otherTeams[0].ID, Name: "Theirs"}))
	requireNotFound(t, s.SaveParticipant(ctx, w.ID, &game.Participant{TeamID: "no-such-team", Pseudonym: "Red"}))
	// An id of another workshop's team is not moved into this one.
	moved := otherTeams[1]
	requireNotFound(t, s.SaveTeam(ctx, w.ID, &moved))
	sameRows(t, db, before, "refused saves")
	if f := session(t, s, other.ID, false); len(f.Teams) != 2 {
		t.Errorf("the other workshop's teams: %+v", f.Teams)
	}
}

func TestSavePlayStoresTheCheckedPlay(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Plays")
	path := &game.Path{TeamID: teams[0].ID, Name: "Trust"}
	mustSave(t, s.SavePath(ctx, w.ID, path))
	p := &game.Play{TeamID: teams[0].ID, Code: " r05 ", Area: "communication", PathID: path.ID, Position: 1,
		Role: "c02", Interactions: []string{"i03", "I01", "I03"}}
	mustSave(t, s.SavePlay(ctx, w.ID, p))
	if p.ID == "" || p.Code != "R05" || p.Role != "C02" || !slices.Equal(p.Interactions, []string{"I03", "I01"}) || p.Updated.IsZero() {
		t.Errorf("after SavePlay: %+v; want an id, R05, C02, [I03 I01] and a time", p)
	}
	blank := &game.Play{TeamID: teams[1].ID, Code: "B01", Text: "  Publish a yearly data balance sheet  ", Area: "development"}
	mustSave(t, s.SavePlay(ctx, w.ID, blank))
	if blank.Text != "Publish a yearly data balance sheet" {
		t.Errorf("blank card text saved as %q", blank.Text)
	}
	first := p.Updated
	mustSave(t, s.SavePlay(ctx, w.ID, p)) // a retry, or an edit
	if !p.Updated.After(first) {
		t.Errorf("Updated %v after a second save; want later than %v", p.Updated, first)
	}
	if n := queryInt(t, db, "SELECT COUNT(*) FROM plays"); n != 2 {
		t.Errorf("%d plays after saving one twice and another once; want 2", n)
	}
	f := session(t, s, w.ID, false)
	if !reflect.DeepEqual(f.Plays, []game.Play{*p, *blank}) && !reflect.DeepEqual(f.Plays, []game.Play{*blank, *p}) {
		t.Errorf("Session plays =\n%+v\nwant\n%+v", f.Plays, []game.Play{*p, *blank})
	}
	if board := game.BoardOf(f.Plays, teams[0].ID); len(board["communication"]) != 1 {
		t.Errorf("BoardOf the session: %v", board)
	}
}

func TestSavePlayRefusalsChangeNothing(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Plays")
	other, otherTeams := newWorkshop(t, s, d, "Other")
	theirPath := &game.Path{TeamID: teams[1].ID, Name: "Lion's"}
	mustSave(t, s.SavePath(ctx, w.ID, theirPath))
	kept := play(teams[0].ID, "R01", "collection", 0)
	mustSave(t, s.SavePlay(ctx, w.ID, kept))
	saved := *kept
	before := workshopRows(t, db)
	rules := []*game.Play{
		play(teams[0].ID, "I01", "use", 0),                                             // an interaction card on the board
		play(teams[0].ID, "R99", "use", 0),                                             // no such card
		play(teams[0].ID, "R01", "garden", 0),                                          // no such area
		play(teams[0].ID, "B02", "use", 0),                                             // a blank card without text
		play(teams[0].ID, "R01", "collection", -1),                                     // a negative position
		{TeamID: teams[0].ID, Code: "R02", Area: "use", Role: "I02"},                   // not a role card
		{TeamID: teams[0].ID, Code: "R02", Area: "use", Interactions: []string{"C01"}}, // not an interaction card
	}
	for _, p := range rules {
		requireRule(t, s.SavePlay(ctx, w.ID, p))
	}
	edit := *kept
	edit.Code = "R40X"
	requireRule(t, s.SavePlay(ctx, w.ID, &edit))
	if !reflect.DeepEqual(*kept, saved) {
		t.Errorf("a refused edit of another copy changed the saved play: %+v", kept)
	}
	requireNotFound(t, s.SavePlay(ctx, w.ID, play(otherTeams[0].ID, "R01", "collection", 0)))
	requireNotFound(t, s.SavePlay(ctx, w.ID, &game.Play{TeamID: teams[0].ID, Code: "R01", Area: "collection", PathID: theirPath.ID}))
	requireNotFound(t, s.SavePlay(ctx, "no-such-workshop", play(teams[0].ID, "R01", "collection", 0)))
	moved := saved
	requireNotFound(t, s.SavePlay(ctx, other.ID, &moved)) // its id is this workshop's
	sameRows(t, db, before, "refused plays")
	if f := session(t, s, w.ID, false); !reflect.DeepEqual(f.Plays, []game.Play{saved}) {
		t.Errorf("plays after refusals: %+v", f.Plays)
	}
}

func TestDeletePlayTakesItsRatingsAndNotesAndRestoreBringsThemBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Undo")
	p := play(teams[0].ID, "R01", "collection", 0)
	mustSave(t, s.SavePlay(ctx, w.ID, p))
	other := play(teams[0].ID, "R02", "collection", 1)
	mustSave(t, s.SavePlay(ctx, w.ID, other))
	r1, r2, gone := rating(p.ID, "desirability", 4), rating(p.ID, "feasibility", 2), rating(p.ID, "usability", 3)
	for _, r := range []*game.Rating{r1, r2, gone, rating(other.ID, "desirability", 5)} {
		mustSave(t, s.AddRating(ctx, w.ID, r))
	}
	mustSave(t, s.DeleteRating(ctx, gone.ID)) // deleted on its own, before the play
	note := &game.Note{PlayID: p.ID, TeamID: teams[0].ID, Kind: game.NoteIdea, Text: "ask the customer panel"}
	mustSave(t, s.SaveNote(ctx, w.ID, note))
	teamNote := &game.Note{TeamID: teams[0].ID, Kind: game.NoteDecision, Text: "start with consent"}
	mustSave(t, s.SaveNote(ctx, w.ID, teamNote))
	before := workshopRows(t, db)

	mustSave(t, s.DeletePlay(ctx, p.ID))
	mustSave(t, s.DeletePlay(ctx, p.ID)) // again: nothing more
	sameRows(t, db, before, "deleting (tombstones only)")
	f := session(t, s, w.ID, false)
	if len(f.Plays) != 1 || len(f.Ratings) != 1 || len(f.Notes) != 1 || f.Notes[0].ID != teamNote.ID {
		t.Errorf("live after DeletePlay: %d plays, %d ratings, notes %+v; want 1, 1 and the team's note", len(f.Plays), len(f.Ratings), f.Notes)
	}
	// The ratings and notes keep their own state, only out of sight: none
	// of them is marked deleted with the play.
	if n := queryInt(t, db, `SELECT COUNT(*) FROM (
		SELECT deleted_at FROM ratings WHERE play_id = ?1 AND id <> ?2 UNION ALL SELECT deleted_at FROM notes WHERE play_id = ?1)
		WHERE deleted_at IS NOT NULL`, p.ID, gone.ID); n != 0 {
		t.Errorf("%d of the play's ratings and notes were marked deleted with it; want none", n)
	}
	requireNotFound(t, s.RestoreRating(ctx, gone.ID)) // its play is deleted
	requireNotFound(t, s.AddRating(ctx, w.ID, rating(p.ID, "desirability", 1)))
	requireNotFound(t, s.SaveNote(ctx, w.ID, &game.Note{PlayID: p.ID, Kind: game.NoteIdea, Text: "late"}))

	mustSave(t, s.RestorePlay(ctx, p.ID))
	mustSave(t, s.RestorePlay(ctx, p.ID)) // again: nothing more
	f = session(t, s, w.ID, false)
	var ids []string
	for _, r := range f.Ratings {
		ids = append(ids, r.ID)
	}
	want := []string{r1.ID, r2.ID, "the other play's"}
	if len(f.Plays) != 2 || len(f.Ratings) != 3 || !slices.Contains(ids, r1.ID) || !slices.Contains(ids, r2.ID) || slices.Contains(ids, gone.ID) {
		t.Errorf("after RestorePlay: %d plays, ratings %v; want 2 plays and %v without %s", len(f.Plays), ids, want, gone.ID)
	}
	if len(f.Notes) != 2 {
		t.Errorf("notes after RestorePlay: %+v; want both", f.Notes)
	}
	requireNotFound(t, s.DeletePlay(ctx, "no-such-play"))
	requireNotFound(t, s.RestorePlay(ctx, "no-such-play"))

	// Saving the play as deleted, and live again, does the same.
	p.Deleted = true
	mustSave(t, s.SavePlay(ctx, w.ID, p))
	if f := session(t, s, w.ID, false); len(f.Ratings) != 1 || len(f.Notes) != 1 {
		t.Errorf("after saving the play deleted: ratings %+v, notes %+v", f.Ratings, f.Notes)
	}
	p.Deleted = false
	mustSave(t, s.SavePlay(ctx, w.ID, p))
	if f := session(t, s, w.ID, false); len(f.Ratings) != 3 || len(f.Notes) != 2 {
		t.Errorf("after saving the play live again: ratings %+v, notes %+v", f.Ratings, f.Notes)
	}
}

func TestAddRating(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Ratings")
	other, otherTeams := newWorkshop(t, s, d, "Other")
	p := play(teams[0].ID, "R01", "collection", 0)
	mustSave(t, s.SavePlay(ctx, w.ID, p))
	person := &game.Participant{TeamID: teams[0].ID, Pseudonym: "Green"}
	mustSave(t, s.SaveParticipant(ctx, w.ID, person))

	r := rating(p.ID, "desirability", 4)
	mustSave(t, s.AddRating(ctx, w.ID, r))
	first := *r
	if r.ID == "" || r.At.IsZero() {
		t.Errorf("after AddRating: %+v; want an id and a time", r)
	}
	r.At = first.At.Add(20 * time.Minute)
	mustSave(t, s.AddRating(ctx, w.ID, r)) // a retry: stored once, as first stored
	if !reflect.DeepEqual(*r, first) {
		t.Errorf("retried AddRating gave %+v; want %+v", *r, first)
	}
	newer := rating(p.ID, "desirability", 2)
	mustSave(t, s.AddRating(ctx, w.ID, newer))
	blind := &game.Rating{PlayID: p.ID, Criterion: "desirability", Value: 5, Rater: person.ID}
	mustSave(t, s.AddRating(ctx, w.ID, blind))
	f := session(t, s, w.ID, false)
	if cur := game.Current(f.Ratings, p.ID, game.RaterTeam); cur["desirability"].ID != newer.ID {
		t.Errorf("Current = %+v; want the newer rating %s", cur, newer.ID)
	}
	if !reflect.DeepEqual(f.Ratings, []game.Rating{first, *newer, *blind}) {
		t.Errorf("Session ratings =\n%+v\nwant\n%+v", f.Ratings, []game.Rating{first, *newer, *blind})
	}

	before := workshopRows(t, db)
	requireRule(t, s.AddRating(ctx, w.ID, rating(p.ID, "desirability", 6)))
	requireRule(t, s.AddRating(ctx, w.ID, rating(p.ID, "beauty", 3)))
	requireRule(t, s.AddRating(ctx, w.ID, &game.Rating{PlayID: p.ID, Criterion: "usability", Value: 3}))
	requireNotFound(t, s.AddRating(ctx, w.ID, &game.Rating{PlayID: p.ID, Criterion: "usability", Value: 3, Rater: "stranger"}))
	requireNotFound(t, s.AddRating(ctx, w.ID, rating("no-such-play", "usability", 3)))
	theirs := play(otherTeams[0].ID, "R01", "collection", 0)
	mustSave(t, s.SavePlay(ctx, other.ID, theirs))
	before["plays"]++
	requireNotFound(t, s.AddRating(ctx, w.ID, rating(theirs.ID, "usability", 3)))
	sameRows(t, db, before, "refused ratings")

	mustSave(t, s.DeleteRating(ctx, newer.ID))
	mustSave(t, s.DeleteRating(ctx, newer.ID))
	if cur := game.Current(session(t, s, w.ID, false).Ratings, p.ID, game.RaterTeam); cur["desirability"].ID != first.ID {
		t.Errorf("after deleting the newer rating Current = %+v; want the first again", cur)
	}
	mustSave(t, s.RestoreRating(ctx, newer.ID))
	if f := session(t, s, w.ID, false); len(f.Ratings) != 3 {
		t.Errorf("%d ratings after a restore; want 3", len(f.Ratings))
	}
	requireNotFound(t, s.DeleteRating(ctx, "no-such-rating"))
	requireNotFound(t, s.RestoreRating(ctx, "no-such-rating"))
}

func TestSaveNote(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	db := rawDB(t, s.Path())
	w, teams := newWorkshop(t, s, d, "Notes")
	p := play(teams[0].ID, "R01", "collection", 0)
	mustSave(t, s.SavePlay(ctx, w.ID, p))
	n := &game.Note{TeamID: teams[0].ID, PlayID: p.ID, Kind: game.NoteQuote, Text: "We never ask why"}
	mustSave(t, s.SaveNote(ctx, w.ID, n))
	if n.ID == "" || n.At.IsZero() || !n.At.Equal(n.Updated) {
		t.Errorf("after the first SaveNote: %+v; want an id and At = Updated", n)
	}
	at := n.At
	n.Text = "We never ask customers why"
	mustSave(t, s.SaveNote(ctx, w.ID, n))
	if !n.At.Equal(at) || !n.Updated.After(at) {
		t.Errorf("after an edit: At %v, Updated %v; want At kept (%v) and Updated later", n.At, n.Updated, at)
	}
	if f := session(t, s, w.ID, false); !reflect.DeepEqual(f.Notes, []game.Note{*n}) {
		t.Errorf("Session notes = %+v; want %+v", f.Notes, *n)
	}
	before := workshopRows(t, db)
	requireRule(t, s.SaveNote(ctx, w.ID, &game.Note{Kind: "rumour", Text: "x"}))
	requireRule(t, s.SaveNote(ctx, w.ID, &game.Note{Kind: game.NoteIdea, Text: "   "}))
	requireNotFound(t, s.SaveNote(ctx, w.ID, &game.Note{Kind: game.NoteIdea, Text: "x", PlayID: "no-such-play"}))
	requireNotFound(t, s.SaveNote(ctx, w.ID, &game.Note{Kind: game.NoteIdea, Text: "x", TeamID: "no-such-team"}))
	edit := *n
	edit.Kind = "gossip"
	requireRule(t, s.SaveNote(ctx, w.ID, &edit))
	sameRows(t, db, before, "refused notes")
	if f := session(t, s, w.ID, false); f.Notes[0].Kind != game.NoteQuote {
		t.Errorf("a refused edit changed the note: %+v", f.Notes[0])
	}
	mustSave(t, s.DeleteNote(ctx, n.ID))
	mustSave(t, s.DeleteNote(ctx, n.ID))
	if f := session(t, s, w.ID, false); len(f.Notes) != 0 {
		t.Errorf("notes after DeleteNote: %+v", f.Notes)
	}
	if f := session(t, s, w.ID, true); len(f.Notes) != 1 || !f.Notes[0].Deleted || !f.Notes[0].Updated.After(n.Updated) {
		t.Errorf("notes with tombstones: %+v; want the note, deleted, updated by the deletion", f.Notes)
	}
	mustSave(t, s.RestoreNote(ctx, n.ID))
	if f := session(t, s, w.ID, false); len(f.Notes) != 1 || f.Notes[0].Text != n.Text {
		t.Errorf("notes after RestoreNote: %+v", f.Notes)
	}
	requireNotFound(t, s.DeleteNote(ctx, "no-such-note"))
}

// Saves from several goroutines share the store's one connection and its
// cache of deck snapshots (run with -race).
func TestConcurrentSavesOfPlaysAndRatings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s, d := openTestStore(t)
	w, teams := newWorkshop(t, s, d, "Busy")
	const workers, each = 4, 10
	errs := make(chan error, workers*each*2)
	var wg sync.WaitGroup
	for g := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				p := play(teams[g%2].ID, "R01", "collection", g*each+i)
				if err := s.SavePlay(ctx, w.ID, p); err != nil {
					errs <- err
					continue
				}
				errs <- s.AddRating(ctx, w.ID, rating(p.ID, "feasibility", 3))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if f := session(t, s, w.ID, false); len(f.Plays) != workers*each || len(f.Ratings) != workers*each {
		t.Errorf("%d plays and %d ratings; want %d of each", len(f.Plays), len(f.Ratings), workers*each)
	}
}
