package cards

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"deckhand/message"
)

// MaxFileSize is the largest deck file read; a real deck is a few hundred
// kilobytes, so anything bigger is the wrong file.
const MaxFileSize = 32 << 20

// fixedColumns are the CSV columns before the per-language title and body.
var fixedColumns = []string{"code", "type", "theme", "area", "level", "copies", "tags"}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads a deck's cards from CSV as spreadsheets write it (UTF-8 with
// or without BOM, ',' or ';' between fields, CRLF line ends, quoted line
// breaks) and returns a deck made of template's card types, themes, levels,
// board and criteria with those cards. Every problem is reported with its
// line and column; the returned error is then Problems.
func ReadCSV(r io.Reader, template *Deck) (*Deck, error) {
	data, err := readLimited(r)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	var notes []message.Message
	if !utf8.Valid(data) {
		// Excel in Finland and Sweden saves "CSV" in Windows-1252, where
		// every byte is a character; "CSV UTF-8" is another choice in the
		// same list. Such a file is read, and the person is told to check it.
		line := bytes.Count(data[:firstInvalidUTF8(data)], []byte("\n")) + 1
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return nil, Problems{fileProblem(line, 0, "the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"")}
		}
		data = decoded
		notes = append(notes, message.Say("line %d is not UTF-8 text, so the file was read as Windows-1252, as Excel saves \"CSV\": check å, ä and ö in the cards, or save the file as \"CSV UTF-8\"", line))
	}
	delim := detectDelimiter(data)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, Problems{fileProblem(1, 0, "the file is empty; it needs a header row such as code,type,title_sv")}
	}
	if err != nil {
		return nil, csvSyntaxProblem(data, delim, err)
	}
	cols, ps := parseHeader(header)
	if len(ps) > 0 {
		return nil, ps
	}
	deck := template.Template()
	deck.Languages = cols.languages
	if !deck.HasLanguage(deck.DefaultLang) {
		deck.DefaultLang = cols.languages[0]
	}
	var lines []int
	for {
		record, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, append(ps, csvSyntaxProblem(data, delim, err)...)
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(record) {
			continue
		}
		card, rowProblems := cols.card(record, line)
		ps = append(ps, rowProblems...)
		deck.Cards = append(deck.Cards, card)
		lines = append(lines, line)
	}
	if len(deck.Cards) == 0 {
		// A deck of no cards prints nothing and plays nothing: this is a
		// template saved before the cards were typed in, or the wrong file.
		return nil, Problems{fileProblem(1, 0, "the file has a header row but no cards; add a row for each card below the header")}
	}
	deck.Normalize()
	if err := Validate(deck); err != nil {
		var found Problems
		if !errors.As(err, &found) {
			return nil, err
		}
		ps = append(ps, cols.locate(found, lines)...)
	}
	if len(ps) > 0 {
		sort.SliceStable(ps, func(i, j int) bool {
			return ps[i].Line < ps[j].Line || (ps[i].Line == ps[j].Line && ps[i].Column < ps[j].Column)
		})
		return nil, ps
	}
	deck.ReadNotes = notes
	return deck, nil
}

func readLimited(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read deck file: %w", err)
	}
	if len(data) > MaxFileSize {
		return nil, refusal("the file is larger than %d MB; a deck file is much smaller, so this is probably the wrong file", MaxFileSize>>20)
	}
	return data, nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// detectDelimiter picks ';' when the header row has more semicolons than
// commas: spreadsheets in the Nordics save CSV with ';' because ',' is their
// decimal mark.
func detectDelimiter(data []byte) rune {
	header := bytes.TrimLeft(data, " \t\r\n") // blank lines before the header do not count
	if i := bytes.IndexByte(header, '\n'); i >= 0 {
		header = header[:i]
	}
	if bytes.Count(header, []byte(";")) > bytes.Count(header, []byte(",")) {
		return ';'
	}
	return ','
}

func blankRecord(record []string) bool {
	for _, f := range record {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// csvSyntaxProblem turns encoding/csv's byte position into the line and the
// field number a person sees in a spreadsheet or text editor.
func csvSyntaxProblem(data []byte, delim rune, err error) Problems {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Problems{fileProblem(0, 0, "%v", err)}
	}
	start := lineOffset(data, pe.StartLine)
	// Scan up to and including the byte at the error: for `"abc"x` that is
	// the closing quote, so only a field still open at the end is unclosed.
	end := min(lineOffset(data, pe.Line)+pe.Column, len(data))
	field, quoted := 1, false
	line, quoteLine := pe.StartLine, pe.StartLine
	var prev byte
	for _, b := range data[start:max(start, end)] {
		switch {
		case b == '\n':
			line++
		case b == '"':
			quoted = !quoted
			if quoted && prev != '"' {
				quoteLine = line // the line where this quoted field opened
			}
		case rune(b) == delim && !quoted:
			field++
		}
		prev = b
	}
	if errors.Is(pe.Err, csv.ErrQuote) && quoted {
		return Problems{fileProblem(quoteLine, field, "a quoted field is never closed; check for a missing \"")}
	}
	return Problems{fileProblem(pe.Line, field,
		"broken quoting: a field with a \" must be enclosed in quotes, and a quote inside it written as \"\"")}
}

func lineOffset(data []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(data[off:], '\n')
		if i < 0 {
			return len(data)
		}
		off += i + 1
	}
	return off
}

// columns maps the header of a deck CSV to field positions.
type columns struct {
	index     map[string]int // column name -> field index
	languages []string       // in header order
	width     int            // fields in the header, named or not
}

func parseHeader(header []string) (columns, Problems) {
	cols := columns{index: map[string]int{}, width: len(header)}
	var ps Problems
	bad := func(i int, format string, args ...any) {
		ps = append(ps, fileProblem(1, i+1, format, args...))
	}
	for i, raw := range header {
		name := strings.ToLower(strings.TrimSpace(raw))
		if name == "" {
			continue // spreadsheets write empty cells for cleared columns; rows are checked for data there
		}
		if _, dup := cols.index[name]; dup {
			bad(i, "column %q appears twice", name)
			continue
		}
		cols.index[name] = i
		lang, isText := textColumnLanguage(name)
		switch {
		case isText && lang == swedenNotSami:
			bad(i, "column %q: se is not a language code Deckhand reads (it is Sweden's country code, and Northern Sami's); for Swedish write %s", name, strings.TrimSuffix(name, swedenNotSami)+"sv")
		case isText && !KnownLanguage(lang):
			bad(i, "column %q names an unknown language %q; use a two-letter code such as sv, fi or en", name, lang)
		case isText && strings.HasPrefix(name, "title_"):
			cols.languages = append(cols.languages, lang)
		case isText:
		case !isFixedColumn(name):
			bad(i, "unknown column %q; the columns are %s, then title_<language> and body_<language>", raw, strings.Join(fixedColumns, ", "))
		}
	}
	for _, required := range []string{"code", "type"} {
		if _, ok := cols.index[required]; !ok {
			ps = append(ps, fileProblem(1, 0, "the header has no %q column", required))
		}
	}
	if len(cols.languages) == 0 {
		ps = append(ps, fileProblem(1, 0, "the header has no title column; add one per language, such as title_sv"))
	}
	for i, raw := range header {
		name := strings.ToLower(strings.TrimSpace(raw))
		if lang, ok := strings.CutPrefix(name, "body_"); ok && KnownLanguage(lang) && cols.index[name] == i {
			if _, hasTitle := cols.index["title_"+lang]; !hasTitle {
				bad(i, "column %q has no matching title_%s column", name, lang)
			}
		}
	}
	return cols, ps
}

func textColumnLanguage(name string) (string, bool) {
	for _, prefix := range []string{"title_", "body_"} {
		if lang, ok := strings.CutPrefix(name, prefix); ok {
			return lang, true
		}
	}
	return "", false
}

func isFixedColumn(name string) bool {
	for _, c := range fixedColumns {
		if c == name {
			return true
		}
	}
	return false
}

// named reports whether field i has a name in the header.
func (cols columns) named(i int) bool {
	for _, j := range cols.index {
		if j == i {
			return true
		}
	}
	return false
}

func (cols columns) value(record []string, name string) string {
	i, ok := cols.index[name]
	if !ok || i >= len(record) {
		return ""
	}
	return unescapeFormula(record[i])
}

func (cols columns) card(record []string, line int) (Card, Problems) {
	var ps Problems
	for i, f := range record {
		if cols.named(i) || strings.TrimSpace(f) == "" {
			continue
		}
		p := said(message.Count(len(record), "the row has %d field but the header only %d", "the row has %d fields but the header only %d", len(record), cols.width))
		p.Line, p.Column = line, i+1
		if i < cols.width {
			p = fileProblem(line, i+1, "this column has no name in the header, so its value would be lost; name the column or empty it")
		}
		ps = append(ps, p)
		break
	}
	field := func(name string) string { return strings.TrimSpace(cols.value(record, name)) }
	c := Card{
		Code:   field("code"),
		Type:   strings.ToLower(field("type")),
		Theme:  strings.ToLower(field("theme")),
		Area:   strings.ToLower(field("area")),
		Level:  strings.ToLower(field("level")),
		Copies: 1,
		Tags:   SplitTags(field("tags")),
		Title:  Text{},
		Body:   Text{},
	}
	if s := field("copies"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			p := fileProblem(line, cols.index["copies"]+1, "copies %q is not a whole number", s)
			p.Card, p.Field = c.Code, "copies"
			ps = append(ps, p)
		}
		c.Copies = n
	}
	for _, lang := range cols.languages {
		c.Title[lang] = cols.value(record, "title_"+lang)
		if body := cols.value(record, "body_"+lang); body != "" {
			c.Body[lang] = body
		}
	}
	return c, ps
}

// SplitTags splits a list of tags as people type it: separated by commas,
// semicolons or spaces.
func SplitTags(s string) []string {
	tags := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
	if len(tags) == 0 {
		return nil
	}
	return tags
}

// locate adds the file line and column to problems that Validate found.
func (cols columns) locate(ps Problems, lines []int) Problems {
	for i := range ps {
		if ps[i].Index >= 0 && ps[i].Index < len(lines) {
			ps[i].Line = lines[ps[i].Index]
			if col, ok := cols.index[ps[i].Field]; ok {
				ps[i].Column = col + 1
			}
		}
	}
	return ps
}
