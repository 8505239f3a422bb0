package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"deckhand/cards"
	"deckhand/game"
)

// SharedDeckSummary says what MergeSharedDeck did: whether the deck was new
// here or its own fields changed, and the cards added, updated (fields,
// place or a restore taken), deleted and unchanged. SetAside are the codes
// of cards deleted because another live card has their code (see
// MergeSharedDeck), and Problems what no longer fits the merged deck (a
// card of a type the other laptop took away), which the next save of the
// deck asks to be put right; none stops the merge, which both laptops must
// make alike.
type SharedDeckSummary struct {
	NewDeck, DeckChanged               bool
	Added, Updated, Deleted, Unchanged int
	SetAside                           []string
	Problems                           cards.Problems
}

// MergeSharedDeck merges a shared deck file (ExportSharedDeck on this or
// another laptop) in one transaction, by the rules of the workshop merge
// (workshopmerge.go, causal.go), so that laptops exchanging their files in
// any order, each as often as it comes, end with the same deck:
//
//   - A deck or card new here is added as the file has it, tombstones too;
//     a deck new here is published, being shared already.
//   - Of the deck's own fields (name, description, client, languages,
//     vocabulary) and of each card's fields, the version with the later
//     stamp wins, the device id breaking ties; a change is stamped after
//     everything its laptop had seen, so the version that had seen the
//     other always wins.
//   - Whether a card is deleted is decided apart (mergeDeletes): a delete
//     wins over an edit made without seeing it, and only a restore that
//     had seen the delete brings the card back.
//   - A card's place is merged apart from its fields: the later placing.
//   - The deck keeps its lineage here (the deck it was cloned from) and
//     takes the greater edition; a merge that changes a deck whose
//     edition was printed here starts a new edition, as any change does.
//   - Two live cards with the same code (two laptops each added one) keep
//     the code for the one made first (created_at, then id); the other is
//     deleted by this merge as a change of this laptop, and named in
//     SetAside. Every laptop that meets the two decides the same, and the
//     deletes then merge as any do, so all end with the same deck and no
//     card's text is lost: the one set aside is a tombstone that can be
//     restored once the code is free.
//
// A file that is not a valid shared deck is refused with its problems
// (ErrBadFile, cards.Problems), a file with a stamp more than a day after
// this laptop's clock as a workshop file is, a deck deleted here or whose
// name another deck here has, or a card id of another deck, with one
// sentence; a refused file changes nothing.
func (s *Store) MergeSharedDeck(ctx context.Context, f *cards.SharedDeck) (SharedDeckSummary, error) {
	return s.mergeShared(ctx, f, false)
}

// PreviewMergeSharedDeck says what MergeSharedDeck would do, changing
// nothing: the same merge runs and is rolled back.
func (s *Store) PreviewMergeSharedDeck(ctx context.Context, f *cards.SharedDeck) (SharedDeckSummary, error) {
	return s.mergeShared(ctx, f, true)
}

func (s *Store) mergeShared(ctx context.Context, f *cards.SharedDeck, preview bool) (SharedDeckSummary, error) {
	if f == nil {
		return SharedDeckSummary{}, withKind(ErrBadFile, "there is no shared deck to merge")
	}
	in, err := cards.CheckedShared(f)
	if err != nil {
		return SharedDeckSummary{}, badFile{err}
	}
	stamps := sharedStamps(in)
	if err := s.checkStampTimes(stamps); err != nil {
		return SharedDeckSummary{}, err
	}
	var sum SharedDeckSummary
	err = s.write(ctx, "merge shared deck "+in.Deck.Name, func(tx *sql.Tx) error {
		m := &deckMerge{s: s, ctx: ctx, tx: tx, in: in}
		if err := m.run(); err != nil {
			return err
		}
		sum = m.sum
		if preview {
			return errPreview
		}
		return nil
	})
	if preview && errors.Is(err, errPreview) {
		return sum, nil
	}
	if err != nil {
		return SharedDeckSummary{}, err
	}
	s.clock.see(stamps...)
	return sum, nil
}

// sharedStamps are every stamp of a shared deck file, contexts and deletes
// included, for the check of stamps and the store's clock.
func sharedStamps(f *cards.SharedDeck) []time.Time {
	out := []time.Time{f.Deck.Updated}
	add := func(c cards.Seen) {
		for _, n := range c {
			out = append(out, time.Unix(0, n).UTC())
		}
	}
	add(f.Deck.Context)
	for _, c := range f.Cards {
		out = append(out, c.Updated, c.PlacedAt)
		add(c.Context)
		add(c.DeletedBy)
	}
	return out
}

// deckMerge is one merge of a shared deck in progress, in its transaction.
type deckMerge struct {
	s   *Store
	ctx context.Context
	tx  *sql.Tx
	in  *cards.SharedDeck
	sum SharedDeckSummary

	seen    bool // a change others see in the deck's file: a card's fields, state or place, the deck's fields
	touched bool // anything written, contexts included
}

// mergedCard is a card as the merge leaves it.
type mergedCard struct {
	cards.SharedCard
	write bool // differs from what is stored
	was   *cards.SharedCard
}

func (m *deckMerge) run() error {
	id := m.in.Deck.ID
	old, err := deckPrior(m.ctx, m.tx, id)
	if err != nil {
		return err
	}
	var stored *cards.SharedDeck
	var edition int
	switch {
	case !old.exists:
		if err := m.newDeck(); err != nil {
			return err
		}
	case old.deletedAt != "":
		return withKind(ErrNotFound, "the shared deck %q is deleted on this laptop; restore it before merging its file", m.in.Deck.Name)
	default:
		if stored, err = loadShared(m.ctx, m.tx, id); err != nil {
			return err
		}
		if err := m.deckFields(stored); err != nil {
			return err
		}
		edition = stored.Deck.Edition
	}
	merged, err := m.cards(stored)
	if err != nil {
		return err
	}
	m.setAside(merged)
	if err := m.writeCards(merged); err != nil {
		return err
	}
	if stored != nil && m.in.Deck.Edition > edition {
		if _, err := m.tx.ExecContext(m.ctx, `UPDATE decks SET edition = ? WHERE id = ?`, m.in.Deck.Edition, id); err != nil {
			return err
		}
		m.touched = true
	}
	switch {
	case stored != nil && m.seen:
		if err := m.s.cardsChanged(m.ctx, m.tx, id); err != nil {
			return err
		}
	case m.touched:
		if _, err := m.tx.ExecContext(m.ctx, `UPDATE decks SET changed_at = ? WHERE id = ?`, m.s.deckStamp(), id); err != nil {
			return err
		}
	}
	d, err := loadDeck(m.ctx, m.tx, id)
	if err != nil {
		return err
	}
	if err := cards.Validate(d); err != nil {
		errors.As(err, &m.sum.Problems)
	}
	return nil
}

// newDeck stores the file's deck row, published, with the file's version
// of its fields; its parent only when that deck is here too.
func (m *deckMerge) newDeck() error {
	d := m.in.Deck.Fields()
	if err := nameFree(m.ctx, m.tx, d.Name, d.ID); err != nil {
		return withKind(ErrNameTaken, "a deck named %q is here already; rename one of them before merging the shared deck", d.Name)
	}
	if d.Parent != "" && !deckExists(m.ctx, m.tx, d.Parent) {
		d.Parent = ""
	}
	desc, langs, vocab, err := deckColumns(d)
	if err != nil {
		return err
	}
	ch := m.in.Deck.Change
	now := m.s.deckStamp()
	_, err = m.tx.ExecContext(m.ctx, `
		INSERT INTO decks (id, name, description, client, languages, default_lang, edition, parent_id, vocabulary,
		                   created_at, updated_at, device_id, context, published, changed_at)
		VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULLIF(?8, ''), ?9, ?10, ?11, ?12, ?13, 1, ?10)`,
		d.ID, d.Name, desc, d.Client, langs, d.DefaultLang, max(d.Edition, 1), d.Parent, vocab, now,
		timeText(ch.Updated), ch.Device, contextText(game.Context(ch.Context)))
	m.sum.NewDeck, m.seen, m.touched = true, true, true
	return err
}

// deckFields merges the deck's own fields: the later version's, having
// seen what both had.
func (m *deckMerge) deckFields(stored *cards.SharedDeck) error {
	in, here := m.in.Deck.Change, stored.Deck.Change
	inV, oldV := v(in.Updated, in.Device, game.Context(in.Context)), v(here.Updated, here.Device, game.Context(here.Context))
	both := join(inV.context, oldV.context)
	if !inV.after(oldV) {
		if compare(both, oldV.context) == same {
			return nil
		}
		_, err := m.tx.ExecContext(m.ctx, `UPDATE decks SET context = ? WHERE id = ?`, storedContext(both, oldV.device, oldV.at), stored.Deck.ID)
		m.touched = true
		return err
	}
	d := m.in.Deck.Fields()
	if err := nameFree(m.ctx, m.tx, d.Name, d.ID); err != nil {
		return withKind(ErrNameTaken, "a deck named %q is here already; rename one of them before merging the shared deck", d.Name)
	}
	desc, langs, vocab, err := deckColumns(d)
	if err != nil {
		return err
	}
	_, err = m.tx.ExecContext(m.ctx, `UPDATE decks SET name = ?, description = ?, client = ?, languages = ?, default_lang = ?,
		vocabulary = ?, updated_at = ?, device_id = ?, context = ? WHERE id = ?`,
		d.Name, desc, d.Client, langs, d.DefaultLang, vocab, timeText(inV.at), inV.device, storedContext(both, inV.device, inV.at), d.ID)
	m.sum.DeckChanged, m.seen, m.touched = true, true, true
	return err
}

// cards merges each card of the file with its version here, and lists
// every card of the deck as the merge leaves it.
func (m *deckMerge) cards(stored *cards.SharedDeck) ([]*mergedCard, error) {
	here := map[string]*cards.SharedCard{}
	var out []*mergedCard
	if stored != nil {
		for i := range stored.Cards {
			c := &stored.Cards[i]
			here[c.ID] = c
			out = append(out, &mergedCard{SharedCard: *c, was: c})
		}
	}
	at := map[string]*mergedCard{}
	for _, c := range out {
		at[c.ID] = c
	}
	for _, c := range m.in.Cards {
		o, found := here[c.ID]
		if !found {
			other, err := priorCard(m.ctx, m.tx, c.ID)
			if err != nil {
				return nil, err
			}
			if other.exists {
				return nil, withKind(ErrBadFile, "the shared deck's card %s has the id of a card of another deck here; nothing was merged", c.Code)
			}
			mc := &mergedCard{SharedCard: c, write: true}
			out = append(out, mc)
			at[c.ID] = mc
			m.sum.Added++
			continue
		}
		merged := mergeCard(c, *o)
		mc := at[c.ID]
		mc.SharedCard = merged
		mc.write = !sameShared(merged, *o)
	}
	return out, nil
}

// mergeCard is a card's version here and the file's merged: the fields of
// the later, the deletes left (mergeDeletes), the later placing, what both
// had seen.
func mergeCard(in, old cards.SharedCard) cards.SharedCard {
	inV, oldV := v(in.Updated, in.Device, game.Context(in.Context)), v(old.Updated, old.Device, game.Context(old.Context))
	inBy := deletesOf(in.Deleted, game.Context(in.DeletedBy), in.Device, in.Updated)
	oldBy := deletesOf(old.Deleted, game.Context(old.DeletedBy), old.Device, old.Updated)
	by := mergeDeletes(inBy, inV.context, oldBy, oldV.context)
	out := old
	winner := oldV
	if inV.after(oldV) {
		out, winner = in, inV
	}
	out.Created = old.Created
	both := join(inV.context, oldV.context)
	out.Context = cards.Seen(mustContext(storedContext(both, winner.device, winner.at)))
	out.Deleted = len(by) > 0
	out.DeletedBy = cards.Seen(mustContext(storedDeletes(by, winner.device, winner.at)))
	if placedAfter(in, old) {
		out.Position, out.PlacedAt, out.PlacedBy = in.Position, in.PlacedAt, in.PlacedBy
	} else {
		out.Position, out.PlacedAt, out.PlacedBy = old.Position, old.PlacedAt, old.PlacedBy
	}
	return out
}

// placedAfter reports whether a's placing wins over b's: a later stamp,
// or the same from the greater device.
func placedAfter(a, b cards.SharedCard) bool {
	return a.PlacedAt.After(b.PlacedAt) || (a.PlacedAt.Equal(b.PlacedAt) && a.PlacedBy > b.PlacedBy)
}

// mustContext reads a context as contextText wrote it.
func mustContext(text string) game.Context {
	c, err := parseContext(text)
	if err != nil {
		panic(err) // contextText always writes JSON of a map
	}
	return c
}

// sameShared reports whether two versions of a card are stored alike.
func sameShared(a, b cards.SharedCard) bool {
	return a.Updated.Equal(b.Updated) && a.Device == b.Device && a.Deleted == b.Deleted &&
		contextText(game.Context(a.Context)) == contextText(game.Context(b.Context)) &&
		contextText(game.Context(a.DeletedBy)) == contextText(game.Context(b.DeletedBy)) &&
		a.Position == b.Position && a.PlacedAt.Equal(b.PlacedAt) && a.PlacedBy == b.PlacedBy && sameCard(a.Card, b.Card)
}

// setAside deletes, as a change of this laptop, every live card whose
// code a card made before it has (created_at, then id): a deck's codes
// are unique among its live cards, and every laptop that has both cards
// chooses the same one to keep.
func (m *deckMerge) setAside(merged []*mergedCard) {
	byCode := map[string][]*mergedCard{}
	for _, c := range merged {
		if !c.Deleted {
			k := strings.ToUpper(c.Code)
			byCode[k] = append(byCode[k], c)
		}
	}
	for _, group := range byCode {
		if len(group) < 2 {
			continue
		}
		slices.SortFunc(group, func(a, b *mergedCard) int {
			return cmp.Or(a.Created.Compare(b.Created), strings.Compare(a.ID, b.ID))
		})
		for _, c := range group[1:] {
			cv := v(c.Updated, c.Device, game.Context(c.Context))
			at := m.s.clock.next(m.s.Now(), c.Updated)
			by := game.Context{m.s.device: at.UnixNano()} // it was live: this is its one delete
			c.Context = cards.Seen(mustContext(storedContext(cv.context, m.s.device, at)))
			c.Updated, c.Device = at, m.s.device
			c.Deleted, c.DeletedBy = true, cards.Seen(mustContext(storedDeletes(by, m.s.device, at)))
			c.write = true
			m.sum.SetAside = append(m.sum.SetAside, c.Code)
		}
	}
	slices.Sort(m.sum.SetAside)
}

// writeCards stores the cards the merge changed and counts them. Their
// codes are first moved out of the way (to "~" and the id, which no card
// code can be: NOCASE compares text only up to a NUL), so that two cards that swapped codes never meet the
// index of live codes halfway.
func (m *deckMerge) writeCards(merged []*mergedCard) error {
	for _, c := range merged {
		if c.write && c.was != nil {
			if _, err := m.tx.ExecContext(m.ctx, `UPDATE cards SET code = ? WHERE id = ?`, "~"+c.ID, c.ID); err != nil {
				return err
			}
		}
	}
	deckID := m.in.Deck.ID
	for _, c := range merged {
		if !c.write {
			if c.was != nil {
				m.sum.Unchanged++
			}
			continue
		}
		m.touched = true
		if c.was != nil {
			switch {
			case c.Deleted && !c.was.Deleted:
				m.sum.Deleted++
			default:
				m.sum.Updated++
			}
			if c.Deleted != c.was.Deleted || c.Position != c.was.Position || (!c.Deleted && !sameCard(c.Card, c.was.Card)) {
				m.seen = true
			}
		} else if !c.Deleted {
			m.seen = true
		}
		meta := cardMeta{updated: timeText(c.Updated), device: c.Device, context: contextText(game.Context(c.Context)),
			deletedBy: contextText(game.Context(c.DeletedBy)), placedAt: timeText(c.PlacedAt), placedBy: c.PlacedBy}
		if c.Deleted {
			meta.deleted = timeText(c.Updated)
			if c.was != nil && c.was.Deleted { // it keeps the time it was first deleted here
				var first string
				if err := m.tx.QueryRowContext(m.ctx, `SELECT deleted_at FROM cards WHERE id = ?`, c.ID).Scan(&first); err != nil {
					return err
				}
				meta.deleted = first
			}
		}
		card := c.Card
		if err := writeCard(m.ctx, m.tx, deckID, &card, c.Position, meta); err != nil {
			return err
		}
		// The merged placing and, for a card new here, when it was made,
		// as the file says: both travel unchanged.
		created := timeText(c.Created)
		if c.was != nil {
			created = timeText(c.was.Created)
		}
		if _, err := m.tx.ExecContext(m.ctx, `UPDATE cards SET placed_at = ?, placed_by = ?, created_at = ? WHERE id = ?`,
			meta.placedAt, meta.placedBy, created, c.ID); err != nil {
			return err
		}
	}
	return nil
}
