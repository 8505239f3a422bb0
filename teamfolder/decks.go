package teamfolder

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"deckhand/cards"
	"deckhand/message"
	"deckhand/storage"
)

// A published deck travels as workshops do: decks/<deck>/<device>.json is
// this laptop's shared deck file of it (cards.WriteShared: every card's
// versions, stamps and deletes), written after the same pause as a
// workshop's once the deck changed here, and every other laptop's file of
// it is merged through the store's deck merge, which is the same whatever
// the order and however often. A deck new here is added, published; a deck
// this laptop deleted or stopped publishing takes no files (UnsharedDecks).

// writeDecks writes this laptop's file of every published deck that
// changed since it was written, or whose file is not in the folder as
// written; a file that would hold the same bytes is not written again.
func (f *Folder) writeDecks(ctx context.Context) (Report, error) {
	var r Report
	decks, err := f.store.PublishedDecks(ctx)
	if err != nil {
		return r, err
	}
	for _, d := range decks {
		if !safeName(d.ID) {
			continue
		}
		path := deckPath(f.root, d.ID, f.device)
		was, ok := f.ix.Decks[d.ID]
		intact := ok && f.intactAs(path, was.Size, was.ModTime)
		if intact && was.Changed.Equal(d.Changed) {
			continue
		}
		if err := f.keepReplacedOwn(ctx, path, contentDeck, intact, &r); err != nil {
			return r, err
		}
		e, err := f.writeDeck(ctx, d, path, was, intact)
		if err != nil {
			return r, err
		}
		if e != nil {
			r.Written = append(r.Written, *e)
		}
	}
	f.decksDirty = false
	return r, nil
}

// writeDeck exports a published deck's shared file and writes it when its
// bytes differ from what is there; nil when they do not.
func (f *Folder) writeDeck(ctx context.Context, d storage.PublishedDeck, path string, was writtenDeck, intact bool) (*Entry, error) {
	file, err := f.store.ExportSharedDeck(ctx, d.ID)
	if errors.Is(err, storage.ErrNotFound) {
		return nil, nil // deleted meanwhile
	}
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := cards.WriteShared(&buf, file); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(buf.Bytes())
	hash := hex.EncodeToString(sum[:])
	if hash == was.Hash && intact {
		was.Changed = d.Changed
		f.ix.Decks[d.ID] = was
		return nil, nil
	}
	size, modTime, err := f.writeOwnFile(path, buf.Bytes())
	if err != nil {
		return nil, err
	}
	f.ix.Decks[d.ID] = writtenDeck{Changed: d.Changed, Size: size, ModTime: modTime, Hash: hash}
	return &Entry{At: f.opts.Now().UTC(), Path: relative(f.root, path), Deck: d.ID, Title: file.Deck.Name}, nil
}

// decksChanged says whether a published deck changed here since this
// laptop last wrote its file (or was published and never written).
func (f *Folder) decksChanged(ctx context.Context) (bool, error) {
	decks, err := f.store.PublishedDecks(ctx)
	if err != nil {
		return false, err
	}
	for _, d := range decks {
		if was, ok := f.ix.Decks[d.ID]; safeName(d.ID) && (!ok || !was.Changed.Equal(d.Changed)) {
			return true, nil
		}
	}
	return false, nil
}

// mergeDeckFile merges (or, for a preview, counts) a shared deck file's
// data into the entry: outSkipped with the sentence why when it is
// refused, of a newer Deckhand or in another deck's folder, outIncomplete
// when it does not parse yet, outNotTaken for a deck deleted here.
func (f *Folder) mergeDeckFile(ctx context.Context, data []byte, preview bool, entry *Entry) (outcome, error) {
	rel := entry.Path
	file, err := cards.ReadShared(data)
	if v, newer := newerVersion(data, cards.SharedFormat, cards.SharedVersion); err != nil && newer {
		entry.Why = message.Say("%s was written by a newer Deckhand (shared deck version %d; this one reads up to %d) and was left alone; update Deckhand to merge it", rel, v, cards.SharedVersion)
		return outSkipped, nil
	}
	if err != nil {
		entry.Why = message.Say("%s is not a whole shared deck file yet (it may still be syncing); it is tried again later", rel)
		return outIncomplete, nil
	}
	entry.Deck, entry.Title = file.Deck.ID, file.Deck.Name
	if parts := strings.Split(rel, "/"); len(parts) != 3 || parts[1] != file.Deck.ID {
		// Its folder is what says whether this laptop takes its files.
		entry.Why = message.Say("%s holds the deck %q, not the deck of its folder, and was left alone", rel, file.Deck.Name)
		return outSkipped, nil
	}
	merge := f.store.MergeSharedDeck
	if preview {
		merge = f.store.PreviewMergeSharedDeck
	}
	res, err := merge(ctx, file)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return outNotTaken, nil // deleted here since the folder was listed
	case errors.Is(err, storage.ErrBadFile), errors.Is(err, storage.ErrNameTaken):
		entry.Why = leftAloneBecause(rel, err)
		return outSkipped, nil
	case err != nil:
		return outUnchanged, err
	}
	entry.Added, entry.Updated, entry.Deleted, entry.Unchanged = res.Added, res.Updated, res.Deleted, res.Unchanged
	entry.NewDeck, entry.DeckChanged = res.NewDeck, res.DeckChanged
	return outMerged, nil
}
