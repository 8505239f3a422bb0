package game

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"

	"deckhand/cards"
)

// WriteFile writes a workshop file: f as indented JSON marked with
// FileFormat and FileVersion, that ReadFile reads back. The same workshop
// always gives the same bytes: times are written in UTC and empty lists as
// []. f itself is not changed. WriteFile writes what it is given: leaving
// out participants' real names unless the user asked for them is up to
// the caller.
func WriteFile(w io.Writer, f *File) error {
	out := *f
	out.Format, out.Version = FileFormat, FileVersion
	out.Workshop.Updated = out.Workshop.Updated.UTC()
	out.Teams = mapOrEmpty(f.Teams, func(t Team) Team { t.Updated = t.Updated.UTC(); return t })
	out.Participants = mapOrEmpty(f.Participants, func(p Participant) Participant { p.Updated = p.Updated.UTC(); return p })
	out.Paths = mapOrEmpty(f.Paths, func(p Path) Path { p.Updated = p.Updated.UTC(); return p })
	out.Plays = mapOrEmpty(f.Plays, func(p Play) Play { p.Updated = p.Updated.UTC(); return p })
	out.Ratings = mapOrEmpty(f.Ratings, func(r Rating) Rating { r.At, r.Updated = r.At.UTC(), r.Updated.UTC(); return r })
	out.Notes = mapOrEmpty(f.Notes, func(n Note) Note { n.At, n.Updated = n.At.UTC(), n.Updated.UTC(); return n })
	out.Erasures = mapOrEmpty(f.Erasures, func(e Erasure) Erasure { e.At = e.At.UTC(); return e })
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write workshop file: %w", err)
	}
	return nil
}

// mapOrEmpty returns a new list of fn applied to each element; never nil,
// so an empty list is written as [] rather than null.
func mapOrEmpty[T any](in []T, fn func(T) T) []T {
	out := make([]T, len(in))
	for i, v := range in {
		out[i] = fn(v)
	}
	return out
}

// ReadFile reads a workshop file written by WriteFile (or by hand), and
// checks it with Check. A file that is not valid JSON, or holds a field
// Deckhand does not know, is refused with the line and column of the
// problem, and a workshop that Check refuses with every problem found:
// the error then holds cards.Problems (errors.As), which the screens and
// the command line list. A file of another kind, from a newer Deckhand, or
// far too big is refused with a plain error that says so. The workshop returned has its
// times in UTC, its card codes written as its deck writes them, and an
// empty list, never nil, for each kind of record the file has none of.
func ReadFile(r io.Reader) (*File, error) {
	data, err := io.ReadAll(io.LimitReader(r, cards.MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read workshop file: %w", err)
	}
	if len(data) > cards.MaxFileSize {
		return nil, fmt.Errorf("the file is larger than %d MB; a workshop file is much smaller, so this is probably the wrong file", cards.MaxFileSize>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	// Bytes that are not UTF-8, a field written twice and a second object
	// after the first are refused as deck files refuse them.
	if err := cards.CheckStrictJSON(data); err != nil {
		return nil, err
	}

	// What the file is comes first: a deck file, or a workshop file from a
	// newer Deckhand with fields this one does not know, should be told
	// apart from a broken workshop file.
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if json.Unmarshal(data, &head) == nil {
		if err := checkHead(head.Format, head.Version); err != nil {
			return nil, err
		}
	}

	f := &File{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(f); err != nil {
		return nil, decodeProblem(data, dec, err)
	}
	// The head was checked above: a format or version of the wrong kind
	// fails the decoding too. So normalize may read the file as the
	// current version; Check asks checkHead again and sees that.
	f.normalize()
	if err := f.Check(); err != nil {
		return nil, err
	}
	return f, nil
}

// checkHead is the check of a workshop file's format and version, the
// only one: ReadFile asks it before anything else of the file is read,
// and File.Check first of all.
func checkHead(format string, version int) error {
	switch {
	case format == cards.JSONFormat:
		return fmt.Errorf("this JSON file is not a Deckhand workshop: it is a deck file (format %q); import it as a deck", format)
	case format != FileFormat:
		return fmt.Errorf("this JSON file is not a Deckhand workshop (its format is %q, not %q)", format, FileFormat)
	case version > FileVersion:
		return fmt.Errorf("this workshop file was made by a newer version of Deckhand (format version %d; this one reads up to %d); update Deckhand to read it", version, FileVersion)
	case version < 1:
		return fmt.Errorf("this workshop file has no valid format version")
	}
	return nil
}

// normalize gives equal workshops equal values however they were written:
// times in UTC, lists never nil, card codes as the deck writes them.
func (f *File) normalize() {
	w := &f.Workshop
	w.Updated = w.Updated.UTC()
	if w.Deck != nil {
		w.Deck.Normalize()
		if len(w.Deck.Description) == 0 {
			w.Deck.Description = nil // written as nothing, so read as nothing
		}
	}
	f.Teams = notNil(f.Teams)
	f.Participants = notNil(f.Participants)
	f.Paths = notNil(f.Paths)
	f.Plays = notNil(f.Plays)
	f.Ratings = notNil(f.Ratings)
	f.Notes = notNil(f.Notes)
	f.Erasures = notNil(f.Erasures)
	f.toNFC()
	f.Upgrade()
	f.Version = FileVersion // read as the current version: written back, it is one
	for i := range f.Teams {
		f.Teams[i].Updated = f.Teams[i].Updated.UTC()
	}
	for i := range f.Participants {
		f.Participants[i].Updated = f.Participants[i].Updated.UTC()
	}
	for i := range f.Paths {
		f.Paths[i].Updated = f.Paths[i].Updated.UTC()
	}
	for i := range f.Plays {
		p := &f.Plays[i]
		p.Updated = p.Updated.UTC()
		if len(p.Interactions) == 0 {
			p.Interactions = nil
		}
		if w.Deck != nil && !p.Deleted {
			if checked, err := w.CheckPlay(*p); err == nil {
				*p = checked
			}
		}
	}
	for i := range f.Ratings {
		f.Ratings[i].At, f.Ratings[i].Updated = f.Ratings[i].At.UTC(), f.Ratings[i].Updated.UTC()
	}
	for i := range f.Notes {
		f.Notes[i].At, f.Notes[i].Updated = f.Notes[i].At.UTC(), f.Notes[i].Updated.UTC()
	}
	for i := range f.Erasures {
		f.Erasures[i].At = f.Erasures[i].At.UTC()
	}
}

// notNil returns s, or an empty list for nil: a list the file leaves out
// or writes as null reads as the [] WriteFile writes.
func notNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// place names a record for a person: its kind, its number in the file's
// list (from 1), its id and, for a play, its card.
func place(kind string, i int, id, code string) string {
	var details []string
	id = shortID(id)
	if strings.TrimSpace(id) != "" {
		details = append(details, "id "+id)
	}
	if code != "" {
		details = append(details, "card "+code)
	}
	if len(details) == 0 {
		return fmt.Sprintf("%s %d", kind, i+1)
	}
	return fmt.Sprintf("%s %d (%s)", kind, i+1, strings.Join(details, ", "))
}

// shortID is an id as a message shows it: whole, unless it is far longer
// than any id Deckhand makes, when its start stands for it, so that a broken
// file's id of a megabyte is not repeated in every sentence about it.
func shortID(id string) string {
	if r := []rune(id); len(r) > 40 {
		return string(r[:12]) + "…"
	}
	return id
}

// decodeProblem turns an error of the JSON decoder into a problem with the
// line and column where it is, as cards does for deck files.
func decodeProblem(data []byte, dec *json.Decoder, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var badTime *time.ParseError
	offset := int(dec.InputOffset())
	msg := err.Error()
	switch {
	case errors.As(err, &syntax):
		// Offset counts the offending byte; point at it, not past it.
		offset, msg = max(int(syntax.Offset)-1, 0), "the JSON is malformed: "+syntax.Error()
	case errors.As(err, &typ):
		offset = int(typ.Offset)
		msg = fmt.Sprintf("field %q should be %s, not a JSON %s", typ.Field, jsonKind(typ.Type), typ.Value)
		if typ.Field == "" {
			msg = fmt.Sprintf("a workshop file holds one JSON object { … }, not a JSON %s", typ.Value)
		}
		// The offset is just past the value; point at its start.
		if start, ok := findUnfit(data); ok {
			offset = start
		}
	case errors.Is(err, io.EOF):
		msg = "the file is empty"
	case errors.Is(err, io.ErrUnexpectedEOF):
		offset, msg = len(data), "the JSON ends too early; the file may be cut off"
	default:
		// An unknown field or a time that does not parse: the decoder
		// only says so after the whole file, so find the place ourselves.
		const aTime = "a time like \"2026-03-12T09:30:00Z\""
		if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
			msg = fmt.Sprintf("there is no field %s here; check its spelling", name)
		} else if errors.As(err, &badTime) {
			msg = fmt.Sprintf("%q is not %s", badTime.Value, aTime)
		} else if strings.HasPrefix(msg, "Time.UnmarshalJSON") {
			msg = "a time should be written as text in quotes: " + aTime
		}
		if start, ok := findUnfit(data); ok {
			offset = start
		}
	}
	return problemAt(data, offset, msg)
}

func problemAt(data []byte, offset int, msg string) error {
	line, col := 1, 1
	for _, b := range data[:min(max(offset, 0), len(data))] {
		switch {
		case b == '\n':
			line, col = line+1, 1
		case b&0xC0 != 0x80: // count characters, not UTF-8 continuation bytes
			col++
		}
	}
	return cards.Problems{{Index: -1, Line: line, Column: col, Msg: msg}}
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Float64:
		return "a number"
	case reflect.String:
		return "text in quotes"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		return "a list [ … ]"
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return "an object { … }"
	}
	return t.String()
}

// findUnfit walks the file as a File and returns the offset where the
// first value starts that a File cannot hold: a field it does not have, a
// value of the wrong kind, or a time that does not parse. It finds what
// the decoder refused, whose own offsets point past the whole file or
// past the value.
func findUnfit(data []byte) (int, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	u := unfitFinder{data: data, dec: dec}
	off, found := u.value(reflect.TypeFor[File]())
	return off, found
}

type unfitFinder struct {
	data []byte
	dec  *json.Decoder
}

var timeType = reflect.TypeFor[time.Time]()

// value reads one value that should fit t (nil: anything) and returns where
// the first unfit value starts, if there is one.
func (u *unfitFinder) value(t reflect.Type) (int, bool) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	start := skipSpace(u.data, int(u.dec.InputOffset()))
	tok, err := u.dec.Token()
	if err != nil {
		return 0, false
	}
	if t == nil {
		return u.rest(tok)
	}
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '[' {
			if t.Kind() != reflect.Slice {
				return start, true
			}
			for u.dec.More() {
				if off, found := u.value(t.Elem()); found {
					return off, found
				}
			}
			_, _ = u.dec.Token()
			return 0, false
		}
		if t.Kind() != reflect.Struct && t.Kind() != reflect.Map || t == timeType {
			return start, true
		}
		for u.dec.More() {
			keyStart := skipSpace(u.data, int(u.dec.InputOffset()))
			key, err := u.dec.Token()
			if err != nil {
				return 0, false
			}
			ft, ok := fieldType(t, key.(string))
			if !ok {
				return keyStart, true
			}
			if off, found := u.value(ft); found {
				return off, found
			}
		}
		_, _ = u.dec.Token()
		return 0, false
	case string:
		if t == timeType {
			if _, err := time.Parse(time.RFC3339Nano, tok); err != nil {
				return start, true
			}
			return 0, false
		}
		return start, t.Kind() != reflect.String
	case json.Number:
		switch t.Kind() {
		case reflect.Int, reflect.Int64, reflect.Int32:
			_, err := tok.Int64()
			return start, err != nil
		}
		return start, true
	case bool:
		return start, t.Kind() != reflect.Bool
	}
	return 0, false // null fits anything
}

// rest skips what is left of a value whose first token was tok.
func (u *unfitFinder) rest(tok json.Token) (int, bool) {
	if d, ok := tok.(json.Delim); ok && (d == '[' || d == '{') {
		for depth := 1; depth > 0; {
			tok, err := u.dec.Token()
			if err != nil {
				return 0, false
			}
			if d, ok := tok.(json.Delim); ok {
				if d == '[' || d == '{' {
					depth++
				} else {
					depth--
				}
			}
		}
	}
	return 0, false
}

// fieldType is the type of the value under key in t, matched as
// encoding/json matches it (an exact name first, else ignoring case).
func fieldType(t reflect.Type, key string) (reflect.Type, bool) {
	if t.Kind() == reflect.Map {
		return t.Elem(), true
	}
	var folded reflect.Type
	for i := range t.NumField() {
		sf := t.Field(i)
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "-" || !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if name == key {
			return sf.Type, true
		}
		if folded == nil && strings.EqualFold(name, key) {
			folded = sf.Type
		}
	}
	return folded, folded != nil
}

// skipSpace returns the offset of the first byte at or after i that is not
// white space or a separator between JSON values.
func skipSpace(data []byte, i int) int {
	for i < len(data) && slices.Contains([]byte(" \t\r\n,:"), data[i]) {
		i++
	}
	return i
}
