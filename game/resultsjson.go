package game

import (
	"bytes"
	"encoding/json"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// AppendJSON appends v as an encoding/json Encoder with SetIndent(prefix,
// indent) and SetEscapeHTML(false) writes it, less Encode's closing
// newline. A workshop's results (*WorkshopResults) are written field by
// field, a few times faster than encoding/json finds them by reflection:
// a report of thousands of workshops is mostly their plays. Anything else,
// and results holding a value that writer leaves to encoding/json (a
// number JSON has not, a time RFC 3339 has not), is marshalled and
// indented (appendIndented).
func AppendJSON(dst []byte, v any, prefix, indent string) ([]byte, error) {
	out := jsonOut{b: dst, lines: newlines{prefix: prefix, indent: indent}}
	if r, ok := v.(*WorkshopResults); ok && r != nil {
		out.results(r)
		switch {
		case out.err != nil:
			return dst, out.err
		case !out.slow:
			return out.b, nil
		}
		out = jsonOut{b: dst, lines: newlines{prefix: prefix, indent: indent}}
	}
	if out.value(v); out.err != nil {
		return dst, out.err
	}
	return out.b, nil
}

// jsonOut writes indented JSON into b the way encoding/json and
// json.Indent would: members and elements each on a line of their own at
// the depth they are at, "{}" and "[]" when empty. slow is set when a
// value is one it leaves to encoding/json; what it wrote is then thrown
// away.
type jsonOut struct {
	b       []byte
	lines   newlines // of the prefix and indent asked for
	depth   int
	empty   []bool // per open object or list: nothing in it yet
	slow    bool
	err     error
	compact bytes.Buffer  // value's
	enc     *json.Encoder // onto compact
}

func (o *jsonOut) open(c byte) {
	o.b = append(o.b, c)
	o.depth++
	o.empty = append(o.empty, true)
}

func (o *jsonOut) close(c byte) {
	o.depth--
	if !o.empty[len(o.empty)-1] {
		o.b = o.lines.append(o.b, o.depth)
	}
	o.empty = o.empty[:len(o.empty)-1]
	o.b = append(o.b, c)
}

// next starts a member or element: after a comma unless it is the first.
func (o *jsonOut) next() {
	if top := len(o.empty) - 1; o.empty[top] {
		o.empty[top] = false
	} else {
		o.b = append(o.b, ',')
	}
	o.b = o.lines.append(o.b, o.depth)
}

// key starts a member named by a key of Go's own, which needs no escaping.
func (o *jsonOut) key(name string) {
	o.next()
	o.b = append(o.b, '"')
	o.b = append(o.b, name...)
	o.b = append(o.b, '"', ':', ' ')
}

func (o *jsonOut) str(s string) { o.b = appendJSONString(o.b, s) }

func (o *jsonOut) int(n int) { o.b = strconv.AppendInt(o.b, int64(n), 10) }

func (o *jsonOut) null() { o.b = append(o.b, "null"...) }

// float writes a number as encoding/json does: like %g, but with
// exponents only below 1e-6 and from 1e21, written without padding.
func (o *jsonOut) float(f float64) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		o.slow = true // encoding/json refuses it, in its own words
		return
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	o.b = strconv.AppendFloat(o.b, f, format, -1, 64)
	if n := len(o.b); format == 'e' && n >= 4 && o.b[n-4] == 'e' && o.b[n-3] == '-' && o.b[n-2] == '0' {
		o.b[n-2] = o.b[n-1] // e-07 is e-7
		o.b = o.b[:n-1]
	}
}

// time writes a time as its MarshalJSON does: quoted RFC 3339 with
// nanoseconds. The times MarshalJSON refuses (a year not of four digits, a
// zone a day or more away) are left to it.
func (o *jsonOut) time(t time.Time) {
	start := len(o.b) + 1
	o.b = append(o.b, '"')
	o.b = t.AppendFormat(o.b, time.RFC3339Nano)
	s := o.b[start:]
	o.b = append(o.b, '"')
	twoDigits := func(b []byte) byte { return 10*(b[0]-'0') + (b[1] - '0') }
	switch {
	case s[4] != '-':
		o.slow = true
	case s[len(s)-1] != 'Z':
		if c := s[len(s)-len("Z07:00")]; ('0' <= c && c <= '9') || twoDigits(s[len(s)-len("07:00"):]) >= 24 {
			o.slow = true
		}
	}
}

// value writes what jsonOut leaves to encoding/json, marshalled and
// indented at the depth it is at.
func (o *jsonOut) value(v any) {
	if o.enc == nil {
		o.enc = json.NewEncoder(&o.compact)
		o.enc.SetEscapeHTML(false)
	}
	o.compact.Reset()
	if err := o.enc.Encode(v); err != nil {
		o.err = err
		return
	}
	compact := bytes.TrimSuffix(o.compact.Bytes(), []byte("\n"))
	o.b = appendIndented(o.b, compact, o.lines.prefix+strings.Repeat(o.lines.indent, o.depth), o.lines.indent)
}

// context writes a causal context.
func (o *jsonOut) context(c Context) {
	writeMap(o, c, func(stamp int64) { o.b = strconv.AppendInt(o.b, stamp, 10) })
}

// writeMap writes a map as encoding/json does, by key; nil is null.
func writeMap[V any](o *jsonOut, m map[string]V, write func(V)) {
	if m == nil {
		o.null()
		return
	}
	o.open('{')
	for _, k := range slices.Sorted(maps.Keys(m)) {
		o.next()
		o.str(k)
		o.b = append(o.b, ':', ' ')
		write(m[k])
	}
	o.close('}')
}

// writeList writes a list; nil is null.
func writeList[T any](o *jsonOut, list []T, write func(*T)) {
	if list == nil {
		o.null()
		return
	}
	o.open('[')
	for i := range list {
		o.next()
		write(&list[i])
	}
	o.close(']')
}

// results writes a WorkshopResults: its fields in the order, and with the
// omissions, that its tags and those of what it holds give encoding/json.
func (o *jsonOut) results(r *WorkshopResults) {
	o.object(writtenMember("workshop", func() { o.value(r.Workshop) }), floatMember("midpoint", r.Midpoint),
		writtenMember("plays", func() { writeList(o, r.Plays, o.play) }),
		writtenMember("areas", func() { writeList(o, r.Areas, o.area) }))
}

func (o *jsonOut) play(p *PlayResult) {
	o.object(writtenMember("play", func() { o.playRecord(&p.Play) }),
		strMember("team", p.Team), strMember("title", p.Title), strMember("path", p.Path).omitEmpty(),
		writtenMember("criteria", func() { writeMap(o, p.Criteria, o.score) }),
		writtenMember("customer", func() { o.score(p.Customer) }),
		writtenMember("organisation", func() { o.score(p.Organisation) }),
		strMember("quadrant", p.Quadrant).omitEmpty())
}

func (o *jsonOut) playRecord(p *Play) {
	o.object(strMember("id", p.ID), strMember("team_id", p.TeamID), strMember("code", p.Code), strMember("text", p.Text).omitEmpty(),
		strMember("area", p.Area), strMember("path_id", p.PathID).omitEmpty(), intMember("position", p.Position),
		strMember("role", p.Role).omitEmpty(), listMember("interactions", p.Interactions).omitEmpty(), timeMember("updated_at", p.Updated),
		strMember("device", p.Device).omitEmpty(), contextMember("context", p.Context).omitEmpty(), boolMember("deleted", p.Deleted).omitEmpty(),
		contextMember("deleted_by", p.DeletedBy).omitEmpty())
}

func (o *jsonOut) score(s Score) {
	o.object(floatMember("mean", s.Mean), intMember("min", s.Min), intMember("max", s.Max), intMember("raters", s.Raters),
		boolMember("rated", s.Rated), boolMember("team", s.Team).omitEmpty(),
		intMember("participants", s.Participants).omitEmpty())
}

func (o *jsonOut) area(a *AreaSummary) {
	o.object(strMember("area", a.Area), intMember("plays", a.Plays), intMember("rated", a.Rated),
		floatMember("customer", a.Customer), floatMember("organisation", a.Organisation))
}

// member is a member of an object jsonOut writes, as a struct field is
// one with its tag: its name, its value of one of the kinds below, and
// whether it is left out when empty (omitempty).
type member struct {
	name  string
	kind  memberKind
	text  string
	n     int
	x     float64
	yes   bool
	at    time.Time
	texts []string
	ctx   Context
	write func() // writes a value of a kind not above
	omit  bool
}

type memberKind int

const (
	kindText memberKind = iota
	kindInt
	kindFloat
	kindBool
	kindTime
	kindList
	kindContext
	kindWritten
)

func strMember(name, s string) member            { return member{name: name, kind: kindText, text: s} }
func intMember(name string, n int) member        { return member{name: name, kind: kindInt, n: n} }
func floatMember(name string, x float64) member  { return member{name: name, kind: kindFloat, x: x} }
func boolMember(name string, yes bool) member    { return member{name: name, kind: kindBool, yes: yes} }
func timeMember(name string, t time.Time) member { return member{name: name, kind: kindTime, at: t} }
func listMember(name string, s []string) member  { return member{name: name, kind: kindList, texts: s} }
func writtenMember(name string, write func()) member {
	return member{name: name, kind: kindWritten, write: write}
}
func contextMember(name string, c Context) member {
	return member{name: name, kind: kindContext, ctx: c}
}

// omitEmpty leaves the member out when its value is empty, as omitempty
// does.
func (m member) omitEmpty() member {
	m.omit = true
	return m
}

func (m member) empty() bool {
	switch m.kind {
	case kindText:
		return m.text == ""
	case kindInt:
		return m.n == 0
	case kindFloat:
		return m.x == 0
	case kindBool:
		return !m.yes
	case kindList:
		return len(m.texts) == 0
	case kindContext:
		return len(m.ctx) == 0
	}
	return false // a time is a struct, which omitempty never leaves out
}

// object writes an object of the members given, in that order.
func (o *jsonOut) object(members ...member) {
	o.open('{')
	for _, m := range members {
		if m.omit && m.empty() {
			continue
		}
		o.key(m.name)
		switch m.kind {
		case kindText:
			o.str(m.text)
		case kindInt:
			o.int(m.n)
		case kindFloat:
			o.float(m.x)
		case kindBool:
			o.b = strconv.AppendBool(o.b, m.yes)
		case kindTime:
			o.time(m.at)
		case kindList:
			writeList(o, m.texts, func(s *string) { o.str(*s) })
		case kindContext:
			o.context(m.ctx)
		case kindWritten:
			m.write()
		}
	}
	o.close('}')
}

// appendJSONString appends s quoted as encoding/json writes a string
// without HTML escaping: quotes, backslashes and control characters
// escaped, a byte that is not UTF-8 as \ufffd, and U+2028 and U+2029
// escaped for JavaScript.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '\\', '"':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
