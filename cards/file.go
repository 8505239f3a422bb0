package cards

import (
	"bufio"
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"github.com/google/uuid"
)

// Formats of deck files.
const (
	FormatCSV  = "csv"
	FormatJSON = "json"
)

// FormatOf names the deck file format for a file name: "json" for .json,
// "csv" for .csv and .txt (what some spreadsheets call their CSV), "" otherwise.
func FormatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".json":
		return FormatJSON
	case ".csv", ".txt":
		return FormatCSV
	}
	return ""
}

// ReadFile reads a deck file in either format. The format comes from the
// file name, or from the content when the name does not tell (a JSON deck
// starts with '{'). A CSV file takes its card types, board and criteria from
// template; a JSON file carries its own.
func ReadFile(name string, r io.Reader, template *Deck) (*Deck, error) {
	format := FormatOf(name)
	br := bufio.NewReader(r)
	if format == "" {
		head, _ := br.Peek(512)
		format = FormatCSV
		if bytes.HasPrefix(bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM)), []byte("{")) {
			format = FormatJSON
		}
	}
	if format == FormatJSON {
		return ReadJSON(br)
	}
	return ReadCSV(br, template)
}

// Write writes the deck in the given format ("csv" or "json").
func Write(w io.Writer, d *Deck, format string) error {
	switch format {
	case FormatCSV:
		return WriteCSV(w, d)
	case FormatJSON:
		return WriteJSON(w, d)
	}
	return refusal("unknown deck file format %q; use csv or json", format)
}

// NewID makes the random UUID that every stored record is keyed by. Ids are
// made by the app before a write, so a retried save is the same record.
func NewID() string { return uuid.NewString() }

// NameForFile is the name a deck read from a file gets by default: the
// name inside a JSON file, else the file's name without its extension.
func NameForFile(d *Deck, path string) string {
	if FormatOf(path) == FormatJSON && d.Name != "" {
		return d.Name
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}
