package storagetest

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"
	"time"

	"deckhand/assets"
	"deckhand/cards"
	"deckhand/game"
	"deckhand/storage"
)

// Clients, sectors and decks the big database's workshops are spread
// over: a facilitator's few years of workshops for a dozen clients, most
// with the default deck, some with a client's own copy of it.
var (
	bigClients = []string{"Northwind Ab", "Exempelbolaget Ab", "Lakeside Oy", "Harbour Bank", "City of Vaasa",
		"Fjord Telecom", "Pohjola Foods", "Kvarken Energy", "Sund Insurance", "Aurora Health", "Granit Retail", "Tundra Travel"}
	bigSectors   = []string{"Retail", "Banking", "Public sector", "Telecom", "Energy", "Health"}
	bigNames     = []string{"Owl", "Fox", "Hare", "Lynx", "Elk", "Badger", "Otter", "Crane", "Seal", "Wolf"}
	bigNoteTexts = []string{"We collect the birth date because we always have.", "Customers do not know what we keep.",
		"Ask legal before the pilot.", "Try it with the call centre first.", "Nobody owns this routine today."}
)

// FillWorkshops adds n workshops to s as workshop files merged one by one
// (one transaction each), made from the shipped example workshop and
// spread over the clients, sectors, three languages and four decks (the
// default deck and three client copies with cards of their own titles).
// Each has 4 to 8 tables with 40 to 60 cards laid in all, most of them
// rated by the table and some by participants too (a few rated twice,
// so that only the newest rating counts), and notes on about a third.
// The same seed gives the same workshops. progress, when not nil, is told
// how many are stored so far.
func FillWorkshops(ctx context.Context, s *storage.Store, n int, seed uint64, progress func(done int)) error {
	g, err := newBigGen(seed)
	if err != nil {
		return err
	}
	for i := range n {
		tables := 4 + g.rng.IntN(5)
		f := g.workshop(i, tables, 40+g.rng.IntN(21))
		if _, err := s.ImportWorkshop(ctx, f); err != nil {
			return fmt.Errorf("workshop %d of %d: %w", i+1, n, err)
		}
		if progress != nil {
			progress(i + 1)
		}
	}
	return nil
}

// FillWorkshop adds one workshop made as FillWorkshops makes them, but
// with the tables and cards per table given, and returns its id.
func FillWorkshop(ctx context.Context, s *storage.Store, seed uint64, tables, perTable int) (string, error) {
	g, err := newBigGen(seed)
	if err != nil {
		return "", err
	}
	f := g.workshop(0, tables, tables*perTable)
	if _, err := s.ImportWorkshop(ctx, f); err != nil {
		return "", err
	}
	return f.Workshop.ID, nil
}

// newBigGen starts making workshops from the example workshop.
func newBigGen(seed uint64) (*bigGen, error) {
	example, err := game.ReadFile(bytes.NewReader(assets.ExampleWorkshop))
	if err != nil {
		return nil, err
	}
	g := &bigGen{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), template: example}
	g.decks = g.clientDecks(example.Workshop.Deck, 3)
	return g, nil
}

// bigGen makes the big database's workshop files.
type bigGen struct {
	rng      *rand.Rand
	template *game.File
	decks    []bigDeck
}

// bigDeck is one deck workshops are played with, and its deck id.
type bigDeck struct {
	id   string
	deck *cards.Deck
}

// clientDecks is the default deck and k client copies of it, each with a
// name of its own and some cards retitled.
func (g *bigGen) clientDecks(base *cards.Deck, k int) []bigDeck {
	out := []bigDeck{{id: g.template.Workshop.DeckID, deck: base}}
	for i := range k {
		d := base.Clone()
		d.Name = fmt.Sprintf("%s (%s)", base.Name, bigClients[i])
		for j := range d.Cards {
			if j%(5+i) == 0 {
				for lang, title := range d.Cards[j].Title {
					d.Cards[j].Title[lang] = title + " – " + bigClients[i]
				}
			}
		}
		out = append(out, bigDeck{id: g.id(), deck: d})
	}
	return out
}

// id is a random version-4 UUID from the generator's source.
func (g *bigGen) id() string {
	a, b := g.rng.Uint64(), g.rng.Uint64()
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x", a>>32, a>>16&0xffff, a&0xfff, 0x8000|b>>48&0x3fff, b&0xffffffffffff)
}

func (g *bigGen) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// cardsOf are the deck's codes of one card type.
func cardsOf(d *cards.Deck, cardType string) []cards.Card {
	var out []cards.Card
	for _, c := range d.Cards {
		if c.Type == cardType {
			out = append(out, c)
		}
	}
	return out
}

// workshop makes the i-th workshop's file, with the tables and cards
// given.
func (g *bigGen) workshop(i, tables, plays int) *game.File {
	t := g.template
	bd := g.decks[0]
	if g.rng.IntN(4) == 0 {
		bd = g.decks[1+g.rng.IntN(len(g.decks)-1)]
	}
	day := time.Date(2023, 1, 2, 9, 0, 0, 0, time.UTC).AddDate(0, 0, g.rng.IntN(900))
	clock := day
	tick := func() time.Time {
		clock = clock.Add(time.Duration(1+g.rng.IntN(90)) * time.Second)
		return clock
	}
	client := bigClients[g.rng.IntN(len(bigClients))]
	w := t.Workshop
	w.ID, w.DeckID, w.Deck = g.id(), bd.id, bd.deck
	w.Title = fmt.Sprintf("Responsible data use %d", i+1)
	w.Client, w.Sector, w.Date = client, g.pick(bigSectors), day.Format(time.DateOnly)
	w.Language = g.pick([]string{"en", "sv", "fi"})
	w.Retention = day.AddDate(5, 0, 0).Format(time.DateOnly)
	w.Updated = tick()
	f := &game.File{Format: t.Format, Version: t.Version, Device: t.Device, Workshop: w,
		Teams: []game.Team{}, Participants: []game.Participant{}, Paths: []game.Path{},
		Plays: []game.Play{}, Ratings: []game.Rating{}, Notes: []game.Note{}, Erasures: []game.Erasure{}}
	routines, roles, links := cardsOf(bd.deck, "routine"), cardsOf(bd.deck, "role"), cardsOf(bd.deck, "interaction")
	blanks := cardsOf(bd.deck, game.TypeBlank)
	for ti := range tables {
		team := game.Team{ID: g.id(), Name: fmt.Sprintf("Table %d", ti+1), NoteTaker: g.pick(bigNames), Position: ti, Updated: tick(), Device: t.Device}
		f.Teams = append(f.Teams, team)
		var people []string
		for pi := range 3 + g.rng.IntN(3) {
			p := game.Participant{ID: g.id(), TeamID: team.ID, Pseudonym: fmt.Sprintf("%s %d", g.pick(bigNames), pi+1), Updated: tick(), Device: t.Device}
			f.Participants = append(f.Participants, p)
			people = append(people, p.ID)
		}
		path := game.Path{ID: g.id(), TeamID: team.ID, Name: "Open account of customer data", Updated: tick(), Device: t.Device}
		f.Paths = append(f.Paths, path)
		share := plays / tables
		if ti < plays%tables {
			share++
		}
		for pos := range share {
			g.play(f, team.ID, path.ID, pos, people, routines, roles, links, blanks, tick)
		}
	}
	return f
}

// play lays one card for a table, with its ratings and notes.
func (g *bigGen) play(f *game.File, teamID, pathID string, pos int, people []string, routines, roles, links, blanks []cards.Card, tick func() time.Time) {
	c := routines[g.rng.IntN(len(routines))]
	p := game.Play{ID: g.id(), TeamID: teamID, Code: c.Code, Area: c.Area, Position: pos, Updated: tick(), Device: f.Device}
	if len(blanks) > 0 && g.rng.IntN(12) == 0 {
		p.Code, p.Text = blanks[g.rng.IntN(len(blanks))].Code, "Our own routine for consent at the counter"
		p.Area = f.Workshop.Deck.Board.Areas[g.rng.IntN(len(f.Workshop.Deck.Board.Areas))].Key
	}
	if g.rng.IntN(3) == 0 {
		p.PathID = pathID
	}
	if len(roles) > 0 && g.rng.IntN(2) == 0 {
		p.Role = roles[g.rng.IntN(len(roles))].Code
	}
	if len(links) > 0 && g.rng.IntN(2) == 0 {
		p.Interactions = []string{links[g.rng.IntN(len(links))].Code}
	}
	f.Plays = append(f.Plays, p)
	if g.rng.IntN(8) != 0 { // most cards are rated by the table
		raters := []string{game.RaterTeam}
		if g.rng.IntN(4) == 0 { // and some blind, by each participant
			raters = append(raters, people...)
		}
		for _, rater := range raters {
			for _, cr := range f.Workshop.Deck.Criteria {
				if g.rng.IntN(10) == 0 {
					continue // a criterion left unrated
				}
				for range 1 + g.rng.IntN(8)/7 { // sometimes rated again: the newer counts
					at := tick()
					f.Ratings = append(f.Ratings, game.Rating{ID: g.id(), PlayID: p.ID, Criterion: cr.Key,
						Value: cr.Min + g.rng.IntN(cr.Max-cr.Min+1), Rater: rater, At: at, Updated: at, Device: f.Device})
				}
			}
		}
	}
	if g.rng.IntN(3) == 0 {
		at := tick()
		f.Notes = append(f.Notes, game.Note{ID: g.id(), TeamID: teamID, PlayID: p.ID, Kind: g.pick(game.NoteKinds),
			Text: g.pick(bigNoteTexts), At: at, Updated: at, Device: f.Device})
	}
}

// FilledDatabase makes a database in a new folder of tb's, holding the
// default deck and what fill adds, closes it and returns its path: the
// fixture of a benchmark, made once.
func FilledDatabase(tb testing.TB, fill func(s *storage.Store) error) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "filled.db")
	s, err := storage.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer s.Close()
	if err := SeedDefaultDeck(s); err != nil {
		tb.Fatal(err)
	}
	if err := fill(s); err != nil {
		tb.Fatal(err)
	}
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}
