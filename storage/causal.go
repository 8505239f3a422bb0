package storage

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"deckhand/game"
)

// Causal contexts decide merges by what each change had seen, not by whose
// wall clock ran ahead. Every version of a workshop record carries one
// (column context, the file's "context"): for each device, the stamp of
// that device's latest change the version had seen, its own included. A
// change made here takes the stored version's context and raises this
// device's entry to the new stamp. A merge joins the two versions'
// contexts, and they decide which deletes a restore had seen (mergeDeletes)
// and which versions an erasure had seen (mergeerasures.go); the fields
// follow the later stamp, which is the version that had seen the other
// whenever one had (see workshopmerge.go). A device's stamps only grow (clock.go)
// and a workshop file holds everything its laptop had merged, so "the
// context has device d at s or later" means "it had seen every change d
// made up to s". A version stored or read without a context (before
// schema 7, file version 3) has seen only its own change.

// order is how two versions relate by what they had seen.
type order int

const (
	same       order = iota // the same knowledge: the same version
	newer                   // the first had seen the second
	older                   // the second had seen the first
	concurrent              // neither had seen the other
)

// seen is a version's context with its own change in it: what it had seen.
func seen(c game.Context, device string, at time.Time) game.Context {
	out := make(game.Context, len(c)+1)
	for d, n := range c {
		out[d] = n
	}
	if n := at.UnixNano(); device != "" && n > out[device] {
		out[device] = n
	}
	return out
}

// compare says how a relates to b.
func compare(a, b game.Context) order {
	aMore, bMore := false, false
	for d, n := range a {
		if n > b[d] {
			aMore = true
		}
	}
	for d, n := range b {
		if n > a[d] {
			bMore = true
		}
	}
	switch {
	case aMore && bMore:
		return concurrent
	case aMore:
		return newer
	case bMore:
		return older
	}
	return same
}

// join is what a and b had seen together.
func join(a, b game.Context) game.Context {
	out := make(game.Context, len(a)+len(b))
	for d, n := range a {
		out[d] = n
	}
	for d, n := range b {
		if n > out[d] {
			out[d] = n
		}
	}
	return out
}

// hasSeen reports whether a context had seen the change a device made at a
// stamp.
func hasSeen(c game.Context, device string, at time.Time) bool {
	return c[device] >= at.UnixNano()
}

// storedContext is the context of a version as stored and written to
// files: without its own change, which its device and stamp say already
// (seen adds it back), so a record only ever changed on one laptop has
// none.
func storedContext(c game.Context, device string, at time.Time) string {
	out := make(game.Context, len(c))
	for d, n := range c {
		if d != device || n > at.UnixNano() {
			out[d] = n
		}
	}
	return contextText(out)
}

// contextText is a context as stored: JSON, keys sorted, "" for none.
func contextText(c game.Context) string {
	if len(c) == 0 {
		return ""
	}
	b, err := json.Marshal(c)
	if err != nil {
		panic(err) // a map of strings to integers always marshals
	}
	return string(b)
}

// parseContext reads a stored context; "" is none.
func parseContext(text string) (game.Context, error) {
	if text == "" {
		return nil, nil
	}
	var c game.Context
	if err := json.Unmarshal([]byte(text), &c); err != nil {
		return nil, err
	}
	return c, nil
}

// erasedHash is the keyed hash of an erased value of one field of one
// record, as an erasure record keeps it: HMAC-SHA-256 under the erasure's
// id, so that the record can say a value was erased without holding it,
// and one erasure's hashes say nothing of another's.
func erasedHash(erasureID, recordID, field, value string) string {
	m := hmac.New(sha256.New, []byte(erasureID))
	m.Write([]byte(recordID + "\x00" + field + "\x00" + value))
	return hex.EncodeToString(m.Sum(nil))
}

// A record's deleted state is decided apart from its fields, so that a
// delete wins over an edit made without seeing it whatever the order of
// the merges: a tombstone keeps the deletes no restore had seen yet
// (deleted_by; none stored means its own change), and the record is
// deleted while one is left. A change that makes the record live again
// had seen them all and leaves none; a merge keeps a delete that one side
// holds unless the other side had seen it and holds it no longer (a
// restore had seen it). This is the merge of an observed-remove set of
// deletes, so every laptop ends with the same state in any order.

// deletesOf is the deletes a version holds.
func deletesOf(deleted bool, by game.Context, device string, at time.Time) game.Context {
	switch {
	case !deleted:
		return nil
	case len(by) > 0:
		return by
	}
	return game.Context{device: at.UnixNano()}
}

// storedDeletes is a version's deletes as stored and written to files:
// "" for a live record and for a tombstone that holds only its own change.
func storedDeletes(u game.Context, device string, at time.Time) string {
	if len(u) == 0 || (len(u) == 1 && u[device] == at.UnixNano()) {
		return ""
	}
	return contextText(u)
}

// mergeDeletes is the deletes left when two versions meet: a's deletes
// unless b had seen one (bSeen) and holds it no longer, and b's likewise.
func mergeDeletes(a, aSeen, b, bSeen game.Context) game.Context {
	out := game.Context{}
	keep := func(u, other, otherSeen game.Context) {
		for d, n := range u {
			if (otherSeen[d] < n || other[d] == n) && n > out[d] {
				out[d] = n
			}
		}
	}
	keep(a, b, bSeen)
	keep(b, a, aSeen)
	return out
}
