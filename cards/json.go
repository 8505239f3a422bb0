package cards

import (
	"bytes"
	"deckhand/message"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// JSONFormat and JSONVersion mark a deck JSON file, so a file from a newer
// Deckhand is refused with a clear message instead of being half understood.
const (
	JSONFormat  = "deckhand.deck"
	JSONVersion = 1
)

// WorkshopFileFormat marks a workshop file (game.FileFormat is this), which
// a person may open where a deck is asked for: it is named for what it is.
const WorkshopFileFormat = "deckhand.workshop"

type jsonFile struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	*Deck
}

// WriteJSON writes the whole deck (card types, themes, levels, board,
// criteria and cards) as indented JSON that ReadJSON reads back. The file
// holds content, not database identity: ids and the parent deck's id stay
// out, so exporting the same deck from two databases gives the same file.
func WriteJSON(w io.Writer, d *Deck) error {
	content := d.Clone()
	content.ID, content.Parent = "", ""
	for i := range content.Cards {
		content.Cards[i].ID = ""
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(jsonFile{Format: JSONFormat, Version: JSONVersion, Deck: content}); err != nil {
		return fmt.Errorf("write deck JSON: %w", err)
	}
	return nil
}

// ReadJSON reads and validates a deck written by WriteJSON (or by hand).
// Syntax errors are reported with their line and column, and so are what
// CheckStrictJSON refuses: bytes that are not UTF-8, a field written twice,
// anything after the deck's closing brace.
func ReadJSON(r io.Reader) (*Deck, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if err := CheckStrictJSON(data); err != nil {
		return nil, err
	}
	// A workshop file has fields a deck has not, which the strict decoding
	// below would name one by one; what the person needs to hear is what
	// the file is and where it goes.
	var head struct {
		Format string `json:"format"`
	}
	if json.Unmarshal(data, &head) == nil && head.Format == WorkshopFileFormat {
		return nil, refusal("this is a workshop file, not a deck: merge it on the Workshop screen (Merge a workshop file…, Ctrl+M) or with deckhand workshop import")
	}
	f := jsonFile{Deck: &Deck{}}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, jsonProblem(data, dec, err)
	}
	switch {
	case f.Format != JSONFormat:
		return nil, refusal("this JSON file is not a Deckhand deck (its format is %q, not %q)", f.Format, JSONFormat)
	case f.Version > JSONVersion:
		return nil, refusal("this deck file was made by a newer Deckhand (format version %d); update Deckhand to read it", f.Version)
	case f.Version < 1:
		return nil, refusal("this deck file has no valid format version")
	}
	d := f.Deck
	// A card written by hand without "copies" is meant to be printed once.
	var copies struct {
		Cards []struct {
			Copies *int `json:"copies"`
		} `json:"cards"`
	}
	if json.Unmarshal(data, &copies) == nil {
		for i, c := range copies.Cards {
			if c.Copies == nil && i < len(d.Cards) {
				d.Cards[i].Copies = 1
			}
		}
	}
	d.Normalize()
	if err := Validate(d); err != nil {
		return nil, err
	}
	if err := d.prepareImages(); err != nil {
		return nil, err
	}
	return d, nil
}

func jsonProblem(data []byte, dec *json.Decoder, err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	offset := dec.InputOffset()
	msg := message.Say("%v", err)
	switch {
	case errors.As(err, &syntax):
		// Offset counts the offending byte; point at it, not past it.
		offset, msg = max(syntax.Offset-1, 0), message.Say("the JSON is malformed: %s", syntax.Error())
	case errors.As(err, &typ) && strings.TrimPrefix(typ.Field, "Deck") == "":
		// The whole file is the wrong kind of value: point at its start.
		offset = int64(len(data) - len(bytes.TrimLeft(data, " \t\r\n")))
		msg = message.Say("the file should hold one deck, a JSON object { … }, not %v", jsonValueWord(typ.Value))
	case errors.As(err, &typ):
		offset, msg = typ.Offset, message.Say("field %q should be %v, not %v", strings.TrimPrefix(typ.Field, "Deck."), jsonKindWord(typ.Type), jsonValueWord(typ.Value))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.TrimPrefix(err.Error(), "json: unknown field ")
		if unquoted, uerr := strconv.Unquote(name); uerr == nil {
			name = unquoted
		}
		msg = message.Say("a deck file has no field %q; remove it or check its spelling", name)
		// The decoder reports where the object holding it ends; the key
		// itself is what the person must find.
		if at := keyOffset(data, name); at >= 0 {
			offset = int64(at)
		}
	case errors.Is(err, io.EOF):
		msg = message.Say("the file is empty")
	case errors.Is(err, io.ErrUnexpectedEOF):
		msg = message.Say("the JSON ends too early; the file may be cut off")
	}
	line, col := 1, 1
	for _, b := range data[:min(int(offset), len(data))] {
		switch {
		case b == '\n':
			line, col = line+1, 1
		case b&0xC0 != 0x80: // count characters, not UTF-8 continuation bytes
			col++
		}
	}
	p := said(msg)
	p.Line, p.Column = line, col
	return Problems{p}
}

// keyOffset is where the first object key name is in data, or -1.
func keyOffset(data []byte, name string) int {
	key := []byte(strconv.Quote(name))
	for from := 0; ; {
		i := bytes.Index(data[from:], key)
		if i < 0 {
			return -1
		}
		at := from + i
		from = at + len(key)
		if rest := bytes.TrimLeft(data[from:], " \t\r\n"); len(rest) > 0 && rest[0] == ':' {
			return at
		}
	}
}

// jsonKindWord names the kind of JSON value a Go type is read from, in the
// words a person editing the file knows; the Go type's name means nothing
// to them.
func jsonKindWord(t reflect.Type) message.Message {
	switch t.Kind() {
	case reflect.String:
		return message.Word("text in quotes")
	case reflect.Bool:
		return message.Word("true or false")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return message.Word("a whole number")
	case reflect.Float32, reflect.Float64:
		return message.Word("a number")
	case reflect.Slice, reflect.Array:
		return message.Word("a list [ … ]")
	case reflect.Pointer:
		return jsonKindWord(t.Elem())
	}
	return message.Word("an object { … }")
}

// jsonValueWord names the JSON value encoding/json found ("string",
// "number", "number 1.5", "array", "object", "bool").
func jsonValueWord(value string) message.Message {
	switch value {
	case "string":
		return message.Word("text in quotes")
	case "bool":
		return message.Word("true or false")
	case "number":
		return message.Word("a number")
	case "array":
		return message.Word("a list [ … ]")
	case "object":
		return message.Word("an object { … }")
	}
	if n, ok := strings.CutPrefix(value, "number "); ok {
		return message.Say("the number %s", n)
	}
	return message.Say("%v", value)
}

// Normalize gives equal decks equal values however they were written: an
// empty body and a missing one, or no tags and an empty tag list, are the
// same card, and a decomposed "a" + "¨" is the letter "ä" (normal form C).
func (d *Deck) Normalize() {
	d.toNFC()
	dropEmpty(d.Description)
	if d.Look != nil {
		dropEmpty(d.Look.BackText)
		if len(d.Look.Logo) == 0 && d.Look.LogoPlace == "" && d.Look.BackColour == "" && len(d.Look.BackText) == 0 {
			d.Look = nil // an empty look is no look
		}
	}
	for i := range d.Cards {
		c := &d.Cards[i]
		dropEmpty(c.Body)
		if c.Title == nil {
			c.Title = Text{}
		}
		if c.Body == nil {
			c.Body = Text{}
		}
		if len(c.Tags) == 0 {
			c.Tags = nil
		}
	}
}

// NormalizedCard is c as Normalize leaves a card of a deck: its texts in
// normal form C, no empty bodies, no nil maps. It changes c's maps; pass a
// clone to keep c as it was.
func NormalizedCard(c Card) Card {
	d := Deck{Cards: []Card{c}}
	d.Normalize()
	return d.Cards[0]
}

func dropEmpty(t Text) {
	for k, v := range t {
		if v == "" {
			delete(t, k)
		}
	}
}
