package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"deckhand/cards"
	"deckhand/message"
)

// RGB is a colour.
type RGB struct{ R, G, B uint8 }

var (
	white    = RGB{255, 255, 255}
	ink      = RGB{33, 33, 33}
	grey     = RGB{110, 110, 110}
	rule     = RGB{200, 200, 200}
	neutral  = RGB{94, 94, 94}
	blankInk = RGB{150, 150, 150}
)

// parseColour reads "#RRGGBB"; the deck validator has checked the form.
func parseColour(hex string, fallback RGB) RGB {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		return fallback
	}
	return RGB{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

// onColour is the text colour that reads on a background.
func onColour(bg RGB) RGB {
	lum := 0.2126*float64(bg.R) + 0.7152*float64(bg.G) + 0.0722*float64(bg.B)
	if lum > 150 {
		return ink
	}
	return white
}

// ShapeKind is what a Shape draws.
type ShapeKind int

// Shape kinds.
const (
	ShapeRect ShapeKind = iota
	ShapeEllipse
	ShapePolygon
	ShapeFrame // an outlined rectangle
	ShapeLine  // from (X, Y) to (X+W, Y+H)
	ShapeImage // Image drawn into the box X, Y, W × H (its proportions kept by whoever made the box)
)

// Point is a position in millimetres.
type Point struct{ X, Y float64 }

// Shape is a filled (or outlined) shape on a card side, in millimetres from
// the card's top-left cut corner.
type Shape struct {
	Kind       ShapeKind
	X, Y, W, H float64
	Points     []Point
	Colour     RGB
	LineWidth  float64 // outlines and lines
	Bleed      bool    // on sides where it touches the cut line, it runs on into the bleed
	Image      cards.Image
}

// TextRun is one line of text: X and Y are the start of its baseline.
type TextRun struct {
	X, Y   float64
	Size   float64 // points
	Bold   bool
	Colour RGB
	Text   string // checked against the font already
	// What names the field the text comes from, for preflight's messages.
	What message.Message
}

// Face is one side of a card laid out at its cut size: what the PDF draws
// and what the card editor's preview shows, from the same numbers.
type Face struct {
	W, H   float64
	Shapes []Shape
	Texts  []TextRun
}

// Severity of a preflight issue.
type Severity string

// Severities.
const (
	Error   Severity = "error"   // something would be missing or wrong on the printed card
	Warning Severity = "warning" // printable, but worth a look
)

// Issue is something preflight found, for one card (Code) or the print.
type Issue struct {
	Severity Severity
	Code     string
	Msg      string // in English: Message.String()
	// Message is Msg as a format and its arguments, which the app says in
	// the interface's language.
	Message message.Message
}

// issueError is an issue as an error, for documents that have no preflight
// of their own; the app says it in the interface's language.
type issueError struct{ issue Issue }

func (e issueError) Error() string            { return e.issue.Msg }
func (e issueError) Message() message.Message { return e.issue.Message }

// noWord names no text: a text that is not checked for fitting its place.
var noWord message.Message

// newIssue makes an issue whose text is a sentence from format and args.
func newIssue(sev Severity, code, format string, args ...any) Issue {
	return issue(sev, code, message.Say(format, args...))
}

// issue is an Issue whose sentence is m.
func issue(sev Severity, code string, m message.Message) Issue {
	return Issue{Severity: sev, Code: code, Msg: m.String(), Message: m}
}

func (i Issue) String() string {
	if i.Code == "" {
		return fmt.Sprintf("%s: %s", i.Severity, i.Msg)
	}
	return fmt.Sprintf("%s: card %s: %s", i.Severity, i.Code, i.Msg)
}

// metrics are a card design's measures, scaled to the card's size from a
// poker card's.
type metrics struct {
	s, inset, band float64
}

// metricsFor is the design's measures for a card w × h mm whose text keeps
// safe mm inside the cut: the inset is the safe zone, or the design's own
// where that is wider.
func metricsFor(w, h, safe float64) metrics {
	s := min(w/63.5, h/88.9)
	return metrics{s: s, inset: max(min(3, w*0.05), safe), band: 15 * s}
}

// sizeAtLeast scales a base font size but keeps it readable on small cards.
func (m metrics) pt(base, floor float64) float64 { return max(base*m.s, floor) }

// areaShapes give each board area a shape as well as a colour, so the area
// is told by form and word, never by colour alone.
var areaShapes = []string{"circle", "square", "triangle", "diamond", "hexagon"}

func symbol(kind string, x, y, size float64, c RGB) Shape {
	switch kind {
	case "circle":
		return Shape{Kind: ShapeEllipse, X: x, Y: y, W: size, H: size, Colour: c}
	case "triangle":
		return Shape{Kind: ShapePolygon, Points: []Point{{x + size/2, y}, {x + size, y + size}, {x, y + size}}, Colour: c}
	case "diamond":
		return Shape{Kind: ShapePolygon, Points: []Point{{x + size/2, y}, {x + size, y + size/2}, {x + size/2, y + size}, {x, y + size/2}}, Colour: c}
	case "hexagon":
		q := size / 4
		return Shape{Kind: ShapePolygon, Points: []Point{{x + q, y}, {x + size - q, y}, {x + size, y + size/2}, {x + size - q, y + size}, {x + q, y + size}, {x, y + size/2}}, Colour: c}
	}
	return Shape{Kind: ShapeRect, X: x, Y: y, W: size, H: size, Colour: c}
}

// levelBars draws a level as bars: one for the first level (operative),
// two for the second (strategic), and so on.
func levelBars(n int, x, y, size float64, c RGB) []Shape {
	var out []Shape
	bw := size * 0.28
	for i := 0; i < n; i++ {
		out = append(out, Shape{Kind: ShapeRect, X: x + float64(i)*bw*1.8, Y: y, W: bw, H: size, Colour: c})
	}
	return out
}

// textIn returns the text of a card in lang, or in the deck's default
// language when the card lacks lang.
func textIn(t cards.Text, d *cards.Deck, lang string) string {
	return t.Or(lang, d.DefaultLang)
}
