package pdf

import (
	"cmp"
	"slices"
	"strings"

	"deckhand/cards"
	"deckhand/game"
	"deckhand/message"
)

// noteHeadings head each kind of note in the report: its notes, one after
// another.
var noteHeadings = map[string]message.Message{
	game.NoteDecision: message.Word("Decisions"),
	game.NoteAction:   message.Word("Actions"),
	game.NoteIdea:     message.Word("Ideas"),
	game.NoteConcern:  message.Word("Concerns"),
	game.NoteQuote:    message.Word("Quotes"),
}

// decisions lists the decisions, then the actions, each with the team
// that recorded it, the team's note-taker and the card it is about. A
// note has no owner or due date of its own: who does what and by when
// is in its text, as the team wrote it.
func (r *report) decisions() {
	r.startPart(r.word("Decisions and actions"), r.word("Each decision and action shows the team that recorded it, the team's note-taker and the card it concerns."))
	for _, kind := range []string{game.NoteDecision, game.NoteAction} {
		r.h2(r.say(noteHeadings[kind]), 15)
		notes := r.notesOf(kind)
		if len(notes) == 0 {
			r.para(r.word("None recorded."), r.left, r.cw, rpBody, false, grey)
		}
		for _, n := range notes {
			r.decision(n)
		}
	}
}

// decision sets one decision or action: the team and its note-taker on
// the left; the text, and under it the card it is about, on the right.
func (r *report) decision(n game.Note) {
	x, w := r.left+rpLabelW, r.cw-rpLabelW
	text := r.fitw(n.Text, false, w, rpBody)
	about := ""
	if p, ok := r.byID[n.PlayID]; ok && n.PlayID != "" {
		about = p.Code + " " + r.f.Workshop.PlayTitleIn(p, r.lang)
	}
	aboutF := r.clip(r.fitw(about, false, w, rpSmall), 2, false, w) // a team's own routine is in full in the summary
	r.need(min(text.height(), 2*lineH(rpBody)) + min(aboutF.height(), lineH(rpSmall)))
	page, bottom := r.p, r.teamLabel(r.team(n.TeamID), r.left, r.y, rpLabelW-2, rpBody)
	if nt := r.noteTaker(n.TeamID); n.TeamID != "" && nt != "" {
		f := r.clip(r.fitw(r.say(message.Say("Note-taker: %s", nt)), false, rpLabelW-2, rpSmall), 2, false, rpLabelW-2)
		bottom = r.p.block(f, r.left, bottom+0.2, 0, 0, false, grey)
	}
	r.flow(text, x, w, 0, false, ink)
	if about != "" {
		r.flow(aboutF, x, w, 0, false, grey)
	}
	r.below(page, bottom)
	r.y += 1.8
}

// otherNotes lists, briefly, the ideas, concerns and quotes, each with
// its team and card.
func (r *report) otherNotes() {
	r.startPart(r.word("Ideas, concerns and quotes"), "")
	for _, kind := range []string{game.NoteIdea, game.NoteConcern, game.NoteQuote} {
		r.y += 1.5
		r.need(2*lineH(rpBody) + 2)
		r.para(r.say(noteHeadings[kind]), r.left, r.cw, rpBody+1, true, ink)
		r.y += 0.6
		r.noteList(kind, rpSmall+0.5)
	}
}

// notesOf are the live notes of a kind, of live teams or of the whole
// workshop: the workshop's first, then by team, each in time order.
func (r *report) notesOf(kind string) []game.Note {
	var notes []game.Note
	for _, n := range r.f.Notes {
		if _, live := r.teamOf[n.TeamID]; n.Kind == kind && !n.Deleted && (live || n.TeamID == "") {
			notes = append(notes, n)
		}
	}
	order := func(n game.Note) int {
		if i, ok := r.teamOf[n.TeamID]; ok {
			return i
		}
		return -1
	}
	slices.SortStableFunc(notes, func(a, b game.Note) int {
		return cmp.Or(cmp.Compare(order(a), order(b)), a.At.Compare(b.At), cmp.Compare(a.ID, b.ID))
	})
	return notes
}

func (r *report) noteList(kind string, size float64) {
	notes := r.notesOf(kind)
	if len(notes) == 0 {
		r.para(r.word("None recorded."), r.left, r.cw, size, false, grey)
		return
	}
	for _, n := range notes {
		text := r.fitw(n.Text, false, r.cw-rpLabelW, size)
		r.need(min(text.height(), 2*lineH(size)))
		page, bottom := r.p, r.teamLabel(r.team(n.TeamID), r.left, r.y, rpLabelW-2, min(size, rpSmall+0.5))
		if p, ok := r.byID[n.PlayID]; ok && n.PlayID != "" {
			code := r.fitw(p.Code, false, rpLabelW-2, rpSmall)
			bottom = r.p.block(code, r.left, bottom, 0, 0, false, grey)
		}
		r.flow(text, r.left+rpLabelW, r.cw-rpLabelW, 0, false, ink)
		r.below(page, bottom)
		r.y += size * 0.2
	}
}

// appendix prints the texts of every card the workshop used (laid on the
// board, as a customer role or as an interaction) from the deck snapshot,
// grouped by card type in the deck's order.
func (r *report) appendix() {
	used := map[string]bool{}
	var unknown []string
	use := func(code string) {
		if code == "" {
			return
		}
		if c, ok := r.f.Workshop.Card(code); ok {
			used[c.Code] = true
		} else if !slices.Contains(unknown, code) {
			unknown = append(unknown, code)
		}
	}
	for _, p := range r.plays {
		use(p.Play.Code)
		use(p.Play.Role)
		for _, c := range p.Play.Interactions {
			use(c)
		}
	}
	r.startPart(r.word("Appendix: the cards as played"), r.say(message.Say("The card texts as they stood in the deck %s, edition %d, when the workshop was held: the cards laid on the board, customer roles and interaction cards.", r.d.Name, r.f.Workshop.DeckEdition)))
	types := slices.Clone(r.d.CardTypes)
	for _, c := range r.d.Cards {
		if _, ok := r.d.CardType(c.Type); !ok && !slices.ContainsFunc(types, func(t cards.CardType) bool { return t.Key == c.Type }) {
			types = append(types, cards.CardType{Key: c.Type, Name: cards.Text{r.lang: c.Type}})
		}
	}
	for _, ct := range types {
		var list []cards.Card
		for _, c := range r.d.Cards {
			if c.Type == ct.Key && used[c.Code] {
				list = append(list, c)
			}
		}
		if len(list) == 0 {
			continue
		}
		r.h2(textIn(ct.Name, r.d, r.lang), 15)
		for _, c := range list {
			r.appendixCard(c.Code, textIn(c.Title, r.d, r.lang), textIn(c.Body, r.d, r.lang), r.ownRoutines(c.Code))
		}
	}
	if len(unknown) > 0 {
		r.h2("?", 15)
		for _, code := range unknown {
			r.appendixCard(code, code, r.word("The card is not in the deck."), r.ownRoutines(code))
		}
	}
}

// ownRoutines are the teams' own texts on a blank card.
func (r *report) ownRoutines(code string) []game.PlayResult {
	var out []game.PlayResult
	for _, p := range r.plays {
		if p.Play.Text != "" && strings.EqualFold(p.Play.Code, code) {
			out = append(out, p)
		}
	}
	return out
}

func (r *report) appendixCard(code, title, body string, own []game.PlayResult) {
	x, w := r.left+rpCodeW+2, r.cw-rpCodeW-2
	tf := r.fitw(title, true, w, rpBody)
	bf := r.fitw(body, false, w, rpSmall+0.5)
	if strings.TrimSpace(body) == "" {
		bf.lines = nil
	}
	r.need(tf.height() + min(bf.height(), 3*lineH(rpSmall+0.5)))
	r.line(r.clean(code), r.left, 0, r.y, 0, rpBody, true, ink)
	r.flow(tf, x, w, 0, true, ink)
	r.flow(bf, x, w, 0, false, ink)
	for _, p := range own {
		r.y += 0.8
		r.para(r.word("The team's own routine")+" ("+r.team(p.Play.TeamID).name+"): "+p.Play.Text, x+3, w-3, rpSmall+0.5, false, grey)
	}
	r.y += 2
}
