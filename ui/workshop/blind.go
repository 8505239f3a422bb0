package workshop

import (
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"deckhand/game"
	"deckhand/storage"
	"deckhand/ui/kit"
)

// A blind round: each participant of the table rates the selected card on
// their own, and the note-taker types their ratings in turn, the
// participant's number and then a digit per criterion. Until the
// facilitator reveals them, the screen shows how many have rated, never
// what: not on the board, in the card's details, on the status line or in
// the prompt. Each rating is a game.Rating whose Rater is the participant.

// Number keys during a blind round: the next participant's number
// (modeBlind), then their rating of a criterion (modeBlindRate).
const (
	modeBlind     = "blind"
	modeBlindRate = "blindrate"
)

// blindRound is the blind round in progress, until revealed.
type blindRound struct {
	playID string
	teamID string
	rater  game.Participant // the participant whose ratings are typed (modeBlindRate)
	number int              // their number at the table
	// before are the ratings of the play when the round began: only a
	// rating made since counts a participant as having rated in it, so
	// that a second round on a card starts from none.
	before map[string]bool
	// raters are the table's participants in the order they were numbered
	// when the round began: their numbers for as long as it lasts.
	raters []string
}

// ratedInRound reports whether a participant has rated the round's play
// since the round began.
func (s *Screen) ratedInRound(playID, participantID string) bool {
	for _, r := range game.Current(s.Session.Ratings, playID, participantID) {
		if s.blind == nil || !s.blind.before[r.ID] {
			return true
		}
	}
	return false
}

// blindBanner is the band above the board saying a blind round is on.
type blindBanner struct {
	Label *widget.Label
	root  *fyne.Container
}

func newBlindBanner() *blindBanner {
	b := &blindBanner{Label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	b.Label.Wrapping = fyne.TextWrapWord
	b.Label.Importance = widget.WarningImportance
	warn := color.NRGBAModel.Convert(theme.Color(theme.ColorNameWarning)).(color.NRGBA)
	back := canvas.NewRectangle(kit.WithAlpha(warn, 48))
	back.StrokeColor = warn
	back.StrokeWidth = 2
	b.root = container.NewStack(back, b.Label)
	b.root.Hide()
	return b
}

// hidesRatings reports whether the individual ratings of a play are not
// to be shown: a blind round on it has not been revealed.
func (s *Screen) hidesRatings(playID string) bool {
	return s.blind != nil && s.blind.playID == playID
}

// blindCount is how many of the round's table have rated the play, and
// how many sit at it. A participant has rated once a rating of theirs
// counts for one criterion of the play.
func (s *Screen) blindCount(playID, teamID string) (rated, of int) {
	people := s.participantsOf(teamID)
	for _, p := range people {
		if s.ratedInRound(playID, p.ID) {
			rated++
		}
	}
	return rated, len(people)
}

// countText is "3 of 4 have rated", or "1 of 4 has rated".
func (s *Screen) countText(playID, teamID string) string {
	rated, of := s.blindCount(playID, teamID)
	return kit.Count(rated, "%d of %d has rated", "%d of %d have rated", rated, of)
}

// startBlind starts a blind round on the selected card, or goes on with
// the round in progress, and asks for the first participant's number. The
// round is kept with the workshop before a rating is asked for, so that
// only revealing it shows what was typed.
func (s *Screen) startBlind() {
	if s.blind == nil {
		p, ok := s.Play(s.Selected)
		if !ok {
			return
		}
		if len(s.participantsOf(p.TeamID)) == 0 {
			s.say(lang.L("This table has no participants yet: add them with Ctrl+Shift+P, then start the blind round."), widget.DangerImportance)
			return
		}
		kept := &storage.BlindRound{WorkshopID: s.Session.Workshop.ID, PlayID: p.ID, TeamID: p.TeamID}
		for _, person := range s.participantsOf(p.TeamID) {
			kept.Raters = append(kept.Raters, person.ID)
		}
		for _, r := range s.Session.Ratings {
			if r.PlayID == p.ID {
				kept.Before = append(kept.Before, r.ID)
			}
		}
		if err := s.store.StartBlindRound(s.ctx, kept); err != nil {
			s.fail(err)
			return
		}
		s.blind = roundOf(*kept)
	}
	if _, ok := s.Play(s.blind.playID); !ok {
		s.say(lang.L("The card of the blind round is off the board: undo (Ctrl+Z) brings it back, Ctrl+Shift+R ends the round."), widget.DangerImportance)
		return
	}
	if t, ok := s.team(s.blind.teamID); ok && s.TeamID != t.ID {
		// The round goes on at its own table, shown again.
		s.TeamSel.SetSelected(t.Name)
	}
	s.Code.Entry.SetText("")
	s.Selected = s.blind.playID
	s.askParticipant()
	s.show()
}

// roundOf is the screen's state of a round kept in the store, paused: no
// participant is being asked yet.
func roundOf(r storage.BlindRound) *blindRound {
	before := map[string]bool{}
	for _, id := range r.Before {
		before[id] = true
	}
	return &blindRound{playID: r.PlayID, teamID: r.TeamID, before: before, raters: r.Raters}
}

// inRoundOrder puts a table's participants, listed by pseudonym, in the
// order of the round's numbers: those numbered when it began first, as
// they were, then anyone seated since, so nobody's number changes while
// the round lasts.
func (b *blindRound) inRoundOrder(people []game.Participant) []game.Participant {
	rank := map[string]int{}
	for i, id := range b.raters {
		rank[id] = i + 1
	}
	slices.SortStableFunc(people, func(x, y game.Participant) int {
		rx, ry := rank[x.ID], rank[y.ID]
		switch {
		case rx == 0 && ry == 0:
			return 0
		case rx == 0:
			return 1
		case ry == 0:
			return -1
		}
		return rx - ry
	})
	return people
}

// loadBlind takes up the workshop's round not yet revealed, if one is
// kept. A round that cannot be read is said, and the ratings of every
// card stay as they are shown.
func (s *Screen) loadBlind(workshopID string) {
	s.blind = nil
	r, found, err := s.store.BlindRoundOf(s.ctx, workshopID)
	if err != nil {
		s.fail(err)
		return
	}
	if found {
		s.blind = roundOf(r)
	}
}

// askParticipant waits for the number of the participant who rates next.
func (s *Screen) askParticipant() {
	s.Keys = keyMode{Kind: modeBlind, playID: s.blind.playID}
	s.showBlind()
	s.win.Canvas().Unfocus()
}

// showBlind tells, on the banner and the prompt, where the round is.
func (s *Screen) showBlind() {
	b := s.blind
	if b == nil {
		s.Banner.root.Hide()
		return
	}
	p, ok := s.Play(b.playID)
	if !ok {
		// The card went off the board (taken off, or its placing undone):
		// the round waits for it to come back, or to be ended.
		if s.Keys.Kind == modeBlind || s.Keys.Kind == modeBlindRate {
			s.Keys = keyMode{}
			s.Code.Idle()
		}
		s.Banner.Label.SetText(lang.L("Blind round: its card is off the board · undo (Ctrl+Z) brings it back, Ctrl+Shift+R ends the round"))
		s.Banner.root.Show()
		s.Banner.root.Refresh()
		return
	}
	_, of := s.blindCount(b.playID, b.teamID)
	count := s.countText(b.playID, b.teamID)
	switch s.Keys.Kind {
	case modeBlindRate:
		s.Banner.Label.SetText(fmt.Sprintf(lang.L("Blind rating: %s — participant %d of %d · %s"), p.Code, b.number, of, count))
	case modeBlind:
		s.Banner.Label.SetText(fmt.Sprintf(lang.L("Blind rating: %s — %s · type the next participant's number, Ctrl+Shift+R reveals"), p.Code, count))
		s.ask(fmt.Sprintf(lang.L("%s blind: which participant rates? 1–%d (Esc pauses, Ctrl+Shift+R reveals)"), p.Code, of))
	default:
		s.Banner.Label.SetText(fmt.Sprintf(lang.L("Blind rating: %s — %s · paused: Ctrl+Shift+B goes on, Ctrl+Shift+R reveals"), p.Code, count))
	}
	s.Banner.root.Show()
	s.Banner.root.Refresh()
}

// chooseRater takes the i-th participant (from 0) as the one whose
// ratings are typed next.
func (s *Screen) chooseRater(i int) {
	b := s.blind
	people := s.participantsOf(b.teamID)
	if i < 0 || i >= len(people) {
		t, _ := s.team(b.teamID)
		s.say(fmt.Sprintf(lang.L("%s has no participant %d; type a number from 1 to %d."), t.Name, i+1, len(people)), widget.DangerImportance)
		return
	}
	b.rater, b.number = people[i], i+1
	s.askBlindRating(0)
}

// askBlindRating asks the participant for a criterion, or, after the
// last, for the next participant's number.
func (s *Screen) askBlindRating(criterion int) {
	b := s.blind
	crit := s.Deck().Criteria
	if criterion >= len(crit) {
		s.askParticipant()
		return
	}
	s.Keys = keyMode{Kind: modeBlindRate, playID: b.playID, criterion: criterion}
	p, _ := s.Play(b.playID)
	k := crit[criterion]
	s.ask(fmt.Sprintf(lang.L("%s, participant %d (%s): %s %d–%d? (Enter skips, Esc stops)"),
		p.Code, b.number, b.rater.Pseudonym, k.Name.Or(s.lang(), s.Deck().DefaultLang), k.Min, k.Max))
	s.showBlind()
	s.win.Canvas().Unfocus()
}

// blindRateKey gives the asked criterion the participant's typed value.
func (s *Screen) blindRateKey(v int) {
	b := s.blind
	k := s.Deck().Criteria[s.Keys.criterion]
	if v < k.Min || v > k.Max {
		s.fail(fmt.Errorf(lang.L("%s is rated from %d to %d"), k.Name.Or(s.lang(), s.Deck().DefaultLang), k.Min, k.Max))
		return
	}
	p, _ := s.Play(b.playID)
	next := s.Keys.criterion + 1
	// The name says whose rating was saved, never its value: the status
	// line is on screen for the table to see.
	name := fmt.Sprintf(lang.L("%s: a blind rating of participant %d"), p.Code, b.number)
	if s.rateAs(b.playID, k.Key, v, b.rater.ID, name) {
		s.askBlindRating(next)
	}
}

// reveal ends the blind round: its ratings show from now on. A round
// whose end cannot be kept stays on, so that what is shown and what is
// kept agree.
func (s *Screen) reveal() {
	b := s.blind
	if err := s.store.EndBlindRound(s.ctx, s.Session.Workshop.ID); err != nil {
		s.fail(err)
		return
	}
	count := s.countText(b.playID, b.teamID)
	s.blind = nil
	s.Keys = keyMode{}
	s.Code.Idle()
	if p, ok := s.Play(b.playID); ok {
		s.Selected = p.ID
		s.status(fmt.Sprintf(lang.L("Revealed the blind ratings of %s: %s"), p.Code, count))
	} else {
		s.status(lang.L("Ended the blind round of a card that is off the board."))
	}
	s.show()
	s.FocusCode()
}

// blindKeyRows are the keys of participants and blind rounds.
func (s *Screen) blindKeyRows() []kit.KeyRow {
	ctrlShift := fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
	enter := []kit.Press{{Key: fyne.KeyReturn, Mod: 0}, {Key: fyne.KeyEnter, Mod: 0}}
	open := func() bool { return s.Session != nil }
	asking := func(kind string) func() bool {
		return func() bool { return s.Session != nil && s.blind != nil && s.Keys.Kind == kind }
	}
	return []kit.KeyRow{
		{Section: kit.SecWorkshop, Action: "Participants of the table: add, rename, remove, choose the note-taker…",
			Presses: []kit.Press{{Key: fyne.KeyP, Mod: ctrlShift}}, When: func() bool { return open() && s.TeamID != "" },
			Run: func(int, rune) { s.ShowParticipants() }},
		{Section: kit.SecWorkshop, Action: "Rate the selected card blind, participant by participant",
			Presses: []kit.Press{{Key: fyne.KeyB, Mod: ctrlShift}}, When: func() bool { return open() && (s.blind != nil || s.Selected != "") },
			Run: func(int, rune) { s.startBlind() }},
		{Section: kit.SecWorkshop, Action: "Blind round: the number of the participant who rates", Chars: "0123456789", When: asking(modeBlind),
			Run: func(_ int, r rune) {
				s.numberKey(r, len(s.participantsOf(s.blind.teamID)), func(v int) { s.chooseRater(v - 1) })
			}},
		{Section: kit.SecWorkshop, Action: "Blind round: end the participant's number typed", Presses: enter,
			When: func() bool { return asking(modeBlind)() && s.Keys.typed != "" },
			Run: func(int, rune) {
				if v, typed := s.typedNumber(); typed {
					s.chooseRater(v - 1)
				}
			}},
		{Section: kit.SecWorkshop, Action: "Blind round: the participant's rating asked for", Chars: "0123456789", When: asking(modeBlindRate),
			Run: func(_ int, r rune) { s.numberKey(r, s.Deck().Criteria[s.Keys.criterion].Max, s.blindRateKey) }},
		{Section: kit.SecWorkshop, Action: "Blind round: skip the criterion asked for, or end the number typed", Presses: enter,
			When: asking(modeBlindRate), Run: func(int, rune) {
				if v, typed := s.typedNumber(); typed {
					s.blindRateKey(v)
					return
				}
				s.askBlindRating(s.Keys.criterion + 1)
			}},
		{Section: kit.SecWorkshop, Action: "Blind round: stop this participant, or pause the round", Presses: []kit.Press{{Key: fyne.KeyEscape, Mod: 0}},
			When: func() bool { return asking(modeBlindRate)() || asking(modeBlind)() },
			Run: func(int, rune) {
				if s.Keys.Kind == modeBlindRate {
					s.askParticipant()
					return
				}
				s.Keys = keyMode{}
				s.Code.clear()
				s.showBlind()
				s.FocusCode()
			}},
		{Section: kit.SecWorkshop, Action: "Reveal ratings", Presses: []kit.Press{{Key: fyne.KeyR, Mod: ctrlShift}},
			When: func() bool { return open() && s.blind != nil }, Run: func(int, rune) { s.reveal() }},
	}
}

// blindRatings is the card's ratings pane while a blind round on it is
// not revealed: who has rated, never what.
func (d *playDetail) blindRatings(p game.Play) fyne.CanvasObject {
	s := d.s
	line := func(text string, bold bool) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	box := container.NewVBox(line(fmt.Sprintf(lang.L("Blind round: %s. The ratings show when revealed (Ctrl+Shift+R)."), s.countText(p.ID, s.blind.teamID)), true))
	for i, person := range s.participantsOf(s.blind.teamID) {
		mark := lang.L("not yet")
		if s.ratedInRound(p.ID, person.ID) {
			mark = lang.L("has rated")
		}
		box.Add(line(fmt.Sprintf("%d  %s: %s", i+1, person.Pseudonym, mark), false))
	}
	return box
}

// individualRatings lists the participants' own ratings of a play, once
// no blind round hides them; nil when none rated it on their own.
func (d *playDetail) individualRatings(p game.Play) fyne.CanvasObject {
	s := d.s
	deck := s.Deck()
	form := widget.NewForm()
	numbers := map[string]int{}
	for i, person := range s.participantsOf(p.TeamID) {
		numbers[person.ID] = i + 1
	}
	for _, person := range s.Session.Participants {
		current := game.Current(s.Session.Ratings, p.ID, person.ID)
		if len(current) == 0 {
			continue
		}
		var parts []string
		for _, k := range deck.Criteria {
			v := "–"
			if r, ok := current[k.Key]; ok {
				v = fmt.Sprint(r.Value)
			}
			parts = append(parts, k.Name.Or(s.lang(), deck.DefaultLang)+" "+v)
		}
		who := person.Pseudonym
		if n := numbers[person.ID]; n > 0 {
			who = fmt.Sprintf("%d  %s", n, person.Pseudonym)
		}
		l := widget.NewLabel(strings.Join(parts, " · "))
		l.Wrapping = fyne.TextWrapWord
		form.Append(who, l)
	}
	if len(form.Items) == 0 {
		return nil
	}
	return container.NewVBox(kit.Heading(lang.L("Each participant's ratings")), form)
}
