package storage_test

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"deckhand/cards"
	"deckhand/storage/storagetest"
)

// Three laptops with skewed clocks make random changes to one shared deck
// (a card's title or body edited, a card added, with codes that clash
// often, deleted, restored; two cards swapped by an import; the deck
// renamed) and pass their shared files
// to each other in a random order, old files again among them. Then they
// exchange files until nothing changes: all hold the same deck, and no
// card deleted anywhere is live unless a restore that had seen every one
// of its deletes made it so.
func TestSharedDeckMergeProperty(t *testing.T) {
	t.Parallel()
	for seed := int64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			t.Parallel()
			sharedDeckProperty(t, seed)
		})
	}
}

// deckOracle remembers every delete of a card seen in any laptop's file
// and what every restore had seen.
type deckOracle struct {
	deletes  map[string]cards.Seen   // card id -> device -> latest delete stamp seen
	restores map[string][]cards.Seen // card id -> what each restore had seen
}

// look notes the deletes a laptop's file holds.
func (o *deckOracle) look(f *cards.SharedDeck) {
	for _, c := range f.Cards {
		if !c.Deleted {
			continue
		}
		by := c.DeletedBy
		if len(by) == 0 {
			by = cards.Seen{c.Device: c.Updated.UnixNano()}
		}
		if o.deletes[c.ID] == nil {
			o.deletes[c.ID] = cards.Seen{}
		}
		for d, n := range by {
			o.deletes[c.ID][d] = max(o.deletes[c.ID][d], n)
		}
	}
}

func sharedDeckProperty(t *testing.T, seed int64) {
	ctx := context.Background()
	rng := rand.New(rand.NewSource(seed))
	ls := sharedLaptops(t, storagetest.Seeded, storagetest.Seeded.Add(10*time.Minute), storagetest.Seeded.Add(-2*time.Hour))
	o := &deckOracle{deletes: map[string]cards.Seen{}, restores: map[string][]cards.Seen{}}
	var files [][]byte // every file passed on so far, to pass on again
	export := func(l *deckLaptop) *cards.SharedDeck {
		f, err := l.s.ExportSharedDeck(ctx, l.deck)
		if err != nil {
			t.Fatal(err)
		}
		o.look(f)
		return f
	}
	for step := range 80 {
		l := ls[rng.Intn(len(ls))]
		f := export(l)
		var live, dead []cards.SharedCard
		for _, c := range f.Cards {
			if c.Deleted {
				dead = append(dead, c)
			} else {
				live = append(live, c)
			}
		}
		switch op := rng.Intn(10); {
		case op < 3 && len(live) > 0: // edit a title or a body
			c := live[rng.Intn(len(live))].Card
			if rng.Intn(2) == 0 {
				c.Title["en"] = fmt.Sprintf("title %d", step)
			} else {
				c.Body["en"] = fmt.Sprintf("body %d", step)
			}
			if err := l.s.SaveCard(ctx, l.deck, &c); err != nil {
				t.Fatalf("step %d: SaveCard: %v", step, err)
			}
		case op == 3: // add a card, with a code others may add too
			c := cards.Card{Code: fmt.Sprint("X", 1+rng.Intn(4)), Type: "routine", Copies: 1,
				Title: cards.Text{"sv": "ny", "fi": "uusi", "en": fmt.Sprint("added ", step)}}
			_ = l.s.SaveCard(ctx, l.deck, &c) // refused when the code is live here
		case op == 4 && len(live) > 0:
			if err := l.s.DeleteCard(ctx, l.deck, live[rng.Intn(len(live))].ID); err != nil {
				t.Fatalf("step %d: DeleteCard: %v", step, err)
			}
		case op == 5 && len(dead) > 0:
			c := dead[rng.Intn(len(dead))]
			if l.s.RestoreCard(ctx, l.deck, c.ID) == nil { // refused when its code is taken
				after := export(l)
				for _, r := range after.Cards {
					if r.ID == c.ID {
						o.restores[c.ID] = append(o.restores[c.ID], withOwn(r))
					}
				}
			}
		case op == 6:
			d := mustDeck(t, l.s, l.deck)
			d.Name = fmt.Sprint("Shared deck ", step)
			if err := l.s.UpdateDeck(ctx, d); err != nil {
				t.Fatalf("step %d: UpdateDeck: %v", step, err)
			}
		case op == 8 && rng.Intn(2) == 0: // the cards put in another order by an import
			d := mustDeck(t, l.s, l.deck)
			i, j := rng.Intn(len(d.Cards)), rng.Intn(len(d.Cards))
			d.Cards[i], d.Cards[j] = d.Cards[j], d.Cards[i]
			if _, err := l.s.ImportInto(ctx, l.deck, d); err != nil {
				t.Fatalf("step %d: ImportInto: %v", step, err)
			}
		case op == 7 && len(files) > 0: // an old file again
			mergeBytes(t, files[rng.Intn(len(files))], l)
		default: // another laptop's file now
			from := ls[rng.Intn(len(ls))]
			data := sharedFile(t, from)
			files = append(files, data)
			mergeBytes(t, data, l)
		}
		export(l)
	}
	converged := false
	for round := 0; round < 6 && !converged; round++ {
		for _, from := range ls {
			for _, to := range ls {
				if from != to {
					mustMerge(t, from, to)
				}
			}
		}
		converged = true
		for _, l := range ls[1:] {
			converged = converged && deckJSON(t, l) == deckJSON(t, ls[0])
		}
	}
	if !converged {
		t.Fatalf("the laptops hold different decks after every file was passed round six times:\n%s\n%s", deckJSON(t, ls[0]), deckJSON(t, ls[1]))
	}
	for i, l := range ls {
		f := export(l)
		for _, c := range f.Cards {
			if c.Deleted {
				continue
			}
			for d, n := range o.deletes[c.ID] {
				if !restoredHaving(o.restores[c.ID], d, n) {
					t.Errorf("laptop %d: card %s is live, though no restore had seen its delete by %s at %d", i, c.Code, d, n)
				}
			}
		}
	}
}

// withOwn is what a card's version had seen, its own change included.
func withOwn(c cards.SharedCard) cards.Seen {
	out := cards.Seen{}
	for d, n := range c.Context {
		out[d] = n
	}
	out[c.Device] = max(out[c.Device], c.Updated.UnixNano())
	return out
}

// restoredHaving reports whether a restore had seen a device's delete at a stamp.
func restoredHaving(restores []cards.Seen, device string, at int64) bool {
	for _, r := range restores {
		if r[device] >= at {
			return true
		}
	}
	return false
}
