package storage

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"deckhand/cards"
)

// UpdateDeck saves the deck's own fields (name, description, client,
// languages, card types, themes, levels, board, criteria), not its cards.
// The deck with its current cards must still be valid: removing a language
// that cards have text in, or a type that cards use, is refused, and so is
// taking away an area, card type or criterion that workshops made from the
// deck have used (checkOrphans).
func (s *Store) UpdateDeck(ctx context.Context, d *cards.Deck) error {
	return s.write(ctx, "update deck "+d.Name, func(tx *sql.Tx) error {
		stored, err := loadDeck(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		check := d.Clone()
		check.Normalize() // the name and vocabulary in normal form C
		check.Cards = stored.Cards
		check.Edition = stored.Edition
		// What workshops logged is asked first: it says why better than a
		// card that no longer matches would.
		if err := checkOrphans(ctx, tx, stored, check); err != nil {
			return err
		}
		if err := cards.Validate(check); err != nil {
			return err
		}
		return s.updateDeckRow(ctx, tx, check)
	})
}

func (s *Store) updateDeckRow(ctx context.Context, tx *sql.Tx, d *cards.Deck) error {
	if err := nameFree(ctx, tx, d.Name, d.ID); err != nil {
		return err
	}
	desc, langs, vocab, err := deckColumns(d)
	if err != nil {
		return err
	}
	// The deck's own fields are stamped only when they change: a stamp on
	// every save of the deck would win a merge over a rename made on
	// another laptop that this save never touched.
	old, err := deckPrior(ctx, tx, d.ID)
	if err != nil {
		return err
	}
	at := s.stamp(old)
	if _, err := tx.ExecContext(ctx, `UPDATE decks SET name = ?1, description = ?2, client = ?3, languages = ?4,
		default_lang = ?5, vocabulary = ?6, updated_at = ?7, device_id = ?8, context = ?9
		WHERE id = ?10 AND (name, description, client, languages, default_lang, vocabulary) IS NOT (?1, ?2, ?3, ?4, ?5, ?6)`,
		d.Name, desc, d.Client, langs, d.DefaultLang, vocab, timeText(at), s.device, s.contextAfter(old, at), d.ID); err != nil {
		return err
	}
	return s.cardsChanged(ctx, tx, d.ID)
}

// DeleteDeck marks the deck and its cards deleted. The rows stay as
// tombstones, so RestoreDeck can undo it.
func (s *Store) DeleteDeck(ctx context.Context, id string) error {
	return s.write(ctx, "delete deck", func(tx *sql.Tx) error {
		old, err := deckPrior(ctx, tx, id)
		if err != nil {
			return err
		}
		if !old.exists || old.deletedAt != "" {
			return fmt.Errorf("deck %s: %w", id, ErrNotFound)
		}
		at := s.stamp(old)
		now := timeText(at)
		if _, err := tx.ExecContext(ctx, `UPDATE decks SET deleted_at = ?1, updated_at = ?1, changed_at = ?1, device_id = ?2, context = ?3, deleted_by = ?4
			WHERE id = ?5`, now, s.device, s.contextAfter(old, at), s.deletesAfter(old, true, at), id); err != nil {
			return err
		}
		// Cards deleted with the deck share its timestamp, so a restore
		// brings back exactly those and not cards deleted earlier.
		_, err = tx.ExecContext(ctx, `UPDATE cards SET deleted_at = ?1 WHERE deck_id = ?2 AND deleted_at IS NULL`, now, id)
		return err
	})
}

// RestoreDeck undoes DeleteDeck, with the cards that were deleted with it.
func (s *Store) RestoreDeck(ctx context.Context, id string) error {
	return s.write(ctx, "restore deck", func(tx *sql.Tx) error {
		var name, deletedAt string
		err := tx.QueryRowContext(ctx, `SELECT name, deleted_at FROM decks WHERE id = ? AND deleted_at IS NOT NULL`, id).Scan(&name, &deletedAt)
		if err != nil {
			return fmt.Errorf("deleted deck %s: %w", id, ErrNotFound)
		}
		if err := nameFree(ctx, tx, name, id); err != nil {
			return err
		}
		old, err := deckPrior(ctx, tx, id)
		if err != nil {
			return err
		}
		at := s.stamp(old)
		if _, err := tx.ExecContext(ctx, `UPDATE decks SET deleted_at = NULL, updated_at = ?1, changed_at = ?1, device_id = ?2, context = ?3, deleted_by = ''
			WHERE id = ?4`, timeText(at), s.device, s.contextAfter(old, at), id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE cards SET deleted_at = NULL WHERE deck_id = ? AND deleted_at = ?`, id, deletedAt)
		return err
	})
}

// CloneDeck copies a deck with all its cards under a new name, for a client:
// the copy remembers its parent and starts at edition 1.
func (s *Store) CloneDeck(ctx context.Context, id, name, client string) (*cards.Deck, error) {
	return s.CloneDeckIn(ctx, id, name, client, nil, "")
}

// CloneDeckIn is CloneDeck in some of the deck's languages, with def as the
// copy's default language (cards.KeepLanguages): a client's deck in Finnish
// alone. No languages keeps them all.
func (s *Store) CloneDeckIn(ctx context.Context, id, name, client string, languages []string, def string) (*cards.Deck, error) {
	var clone *cards.Deck
	err := s.write(ctx, "clone deck", func(tx *sql.Tx) error {
		src, err := loadDeck(ctx, tx, id)
		if err != nil {
			return err
		}
		clone = src.Clone()
		// In normal form C as every stored text, so that the name is
		// compared with the others as it will be stored.
		clone.Name, clone.Client = cards.NFC(strings.TrimSpace(name)), cards.NFC(strings.TrimSpace(client))
		clone.Parent, clone.Edition = src.ID, 1
		if len(languages) > 0 {
			clone.KeepLanguages(languages, def)
		}
		if err := cards.Validate(clone); err != nil {
			return err
		}
		return s.insertDeck(ctx, tx, clone)
	})
	if err != nil {
		return nil, err
	}
	return clone, nil
}

// ImportSummary says what an import into an existing deck changed.
type ImportSummary struct {
	Added, Updated, Removed, Unchanged int
}

// ImportInto makes an existing deck hold what a deck file holds: its
// languages, vocabulary and cards. The deck keeps its id, name, client and
// parent. Cards are matched by code, so they keep their ids; cards the file
// lacks are deleted as tombstones. All in one transaction: a bad file
// changes nothing. PreviewImportInto says first what it would do.
func (s *Store) ImportInto(ctx context.Context, id string, file *cards.Deck) (ImportSummary, error) {
	return s.importInto(ctx, id, file, false)
}

// UpdateInto is ImportInto without removing: the file's cards are added
// and updated, and the deck's cards the file lacks stay, after them in
// their order.
func (s *Store) UpdateInto(ctx context.Context, id string, file *cards.Deck) (ImportSummary, error) {
	return s.importInto(ctx, id, file, true)
}

// PreviewImportInto says what ImportInto would do with the deck's cards,
// by code, and changes nothing: a file ImportInto would refuse is refused
// here the same way.
func (s *Store) PreviewImportInto(ctx context.Context, id string, file *cards.Deck) (cards.CardDiff, error) {
	var diff cards.CardDiff
	err := s.read(ctx, "preview import into deck", func(tx *sql.Tx) error {
		stored, err := loadDeck(ctx, tx, id)
		if err != nil {
			return err
		}
		next, err := importTarget(stored, file, false)
		if err != nil {
			return err
		}
		if err := checkOrphans(ctx, tx, stored, next); err != nil {
			return err
		}
		diff = cards.DiffCards(stored, next)
		return nil
	})
	return diff, err
}

func (s *Store) importInto(ctx context.Context, id string, file *cards.Deck, keep bool) (ImportSummary, error) {
	var sum ImportSummary
	err := s.write(ctx, "import into deck", func(tx *sql.Tx) error {
		stored, err := loadDeck(ctx, tx, id)
		if err != nil {
			return err
		}
		next, err := importTarget(stored, file, keep)
		if err != nil {
			return err
		}
		if err := checkOrphans(ctx, tx, stored, next); err != nil {
			return err
		}
		sum = diffCards(stored, next)
		if sum.Added+sum.Updated+sum.Removed == 0 && sameVocabulary(stored, next) && sameOrder(stored, next) {
			return nil
		}
		if err := s.updateDeckRow(ctx, tx, next); err != nil {
			return err
		}
		return s.replaceCards(ctx, tx, stored, next)
	})
	return sum, err
}

// importTarget is the deck as an import of file would leave it: the
// file's languages, vocabulary and cards (and, to keep, the stored cards the
// file lacks after them) under the stored deck's identity, in normal form
// and validated.
func importTarget(stored, file *cards.Deck, keep bool) (*cards.Deck, error) {
	next := file.Clone()
	next.ID, next.Name, next.Client, next.Parent, next.Edition = stored.ID, stored.Name, stored.Client, stored.Parent, stored.Edition
	if len(next.Description) == 0 {
		next.Description = stored.Description
	}
	if next.Look == nil {
		next.Look = stored.Look // a file without the client's look leaves the stored one
	}
	next.Normalize()
	if keep {
		for _, c := range stored.Clone().Cards {
			if next.CardByCode(c.Code) < 0 {
				next.Cards = append(next.Cards, c)
			}
		}
	}
	if err := cards.Validate(next); err != nil {
		return nil, err
	}
	return next, nil
}

func (s *Store) replaceCards(ctx context.Context, tx *sql.Tx, stored, next *cards.Deck) error {
	kept := map[string]bool{}
	for i := range next.Cards {
		c := &next.Cards[i]
		c.ID = cards.NewID()
		if j := stored.CardByCode(c.Code); j >= 0 {
			c.ID = stored.Cards[j].ID
			if sameCard(stored.Cards[j], *c) {
				// Unchanged: keep its updated_at, so "reprint what changed"
				// does not list it; only its place may have moved.
				kept[c.ID] = true
				if err := s.placeCard(ctx, tx, c.ID, spacedPosition(i)); err != nil {
					return err
				}
				continue
			}
		}
		kept[c.ID] = true
		if err := s.upsertCard(ctx, tx, next.ID, c, spacedPosition(i)); err != nil {
			return err
		}
	}
	for _, c := range stored.Cards {
		if kept[c.ID] {
			continue
		}
		old, err := priorCard(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if err := s.stampCardState(ctx, tx, c.ID, old, true); err != nil {
			return err
		}
	}
	return nil
}
