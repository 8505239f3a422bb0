package cards

import (
	"bytes"
	"deckhand/message"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CheckStrictJSON refuses what encoding/json lets through without a word
// but a person did not mean: bytes that are not UTF-8 (the decoder would
// turn them into U+FFFD), a field written twice in one object (the decoder
// keeps the last, so the first is silently lost; encoding/json matches
// fields ignoring case, so "Name" repeats "name"), and anything after the
// top-level value (a second object pasted in, the tail of an older file).
// It is the one check of this kind for every JSON file Deckhand reads, deck
// and workshop files alike. The problem names its line and column, and a
// repeated field its JSON path ("cards[2].title"). Syntax errors are left
// to the decoder, which words them better; so is an empty file.
func CheckStrictJSON(data []byte) error {
	if !utf8.Valid(data) {
		return Problems{problemAtOffset(data, firstInvalidUTF8(data),
			message.Say("the file is not UTF-8 text here; save it again as UTF-8"))}
	}
	w := jsonWalker{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	if p, found := w.value(""); found {
		return Problems{p}
	}
	if w.broken {
		return nil
	}
	end := int(w.dec.InputOffset())
	if _, err := w.dec.Token(); err != io.EOF {
		return Problems{problemAtOffset(data, skipJSONSpace(data, end),
			message.Say("the file goes on after the closing } of its object; a file holds one object, so remove what follows"))}
	}
	return nil
}

// jsonWalker reads a JSON value token by token, with the path to where it is.
type jsonWalker struct {
	data   []byte
	dec    *json.Decoder
	broken bool // a syntax error stopped the walk: the decoder reports it
}

// value reads one value at path and returns the first repeated field in it.
func (w *jsonWalker) value(path string) (Problem, bool) {
	tok, err := w.dec.Token()
	if err != nil {
		w.broken = true
		return Problem{}, false
	}
	d, ok := tok.(json.Delim)
	if !ok {
		return Problem{}, false
	}
	switch d {
	case '[':
		for i := 0; w.dec.More(); i++ {
			if p, found := w.value(path + "[" + strconv.Itoa(i) + "]"); found || w.broken {
				return p, found
			}
		}
	case '{':
		seen := map[string]bool{}
		for w.dec.More() {
			start := skipJSONSpace(w.data, int(w.dec.InputOffset()))
			tok, err := w.dec.Token()
			if err != nil {
				w.broken = true
				return Problem{}, false
			}
			key, _ := tok.(string)
			at := key
			if path != "" {
				at = path + "." + key
			}
			folded := strings.ToLower(key)
			if seen[folded] {
				return problemAtOffset(w.data, start,
					message.Say("the field %s appears twice in the same object; keep only one", at)), true
			}
			seen[folded] = true
			if p, found := w.value(at); found || w.broken {
				return p, found
			}
		}
	}
	if _, err := w.dec.Token(); err != nil { // the closing ] or }
		w.broken = true
	}
	return Problem{}, false
}

// skipJSONSpace returns the offset of the first byte at or after i that is
// neither white space nor a separator between JSON values.
func skipJSONSpace(data []byte, i int) int {
	for i < len(data) && strings.IndexByte(" \t\r\n,:", data[i]) >= 0 {
		i++
	}
	return i
}

// problemAtOffset is a problem at the line and column (in characters, as an
// editor counts them) of a byte offset in data.
func problemAtOffset(data []byte, offset int, m message.Message) Problem {
	line, col := 1, 1
	for _, b := range data[:min(max(offset, 0), len(data))] {
		switch {
		case b == '\n':
			line, col = line+1, 1
		case b&0xC0 != 0x80: // count characters, not UTF-8 continuation bytes
			col++
		}
	}
	p := said(m)
	p.Line, p.Column = line, col
	return p
}
