package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"math"
	"regexp"
	"strconv"
	"testing"
	"unicode/utf16"
)

// A reader of what a produced PDF really draws, so that geometry tests
// check the file a printer gets rather than the code's own idea of it. It
// understands the operators this package's PDF library writes: q/Q, cm,
// re with f or S, m/l with S, and BT … Td … Tj ET. Everything it returns is
// in millimetres from the page's top-left corner, y downwards, as the rest
// of the package measures.

// drawnRect is a filled or stroked rectangle as it lies on the page.
type drawnRect struct {
	x0, y0, x1, y1 float64
	filled         bool
}

// drawnText is a text run: where its baseline starts and which way its
// "up" points on the page (a unit vector, y downwards).
type drawnText struct {
	x, y     float64
	upX, upY float64
	size     float64 // font size in mm
	text     string
}

// drawnLine is a stroked line segment.
type drawnLine struct {
	x1, y1, x2, y2 float64
	width          float64 // mm
}

// drawnGroup is what one top-level q … Q pair holds: this package draws
// every card side inside one.
type drawnGroup struct {
	rects []drawnRect
	texts []drawnText
	lines []drawnLine
}

// drawnPage is one page: its size, its top-level groups and what was drawn
// outside any group.
type drawnPage struct {
	w, h   float64 // mm
	groups []drawnGroup
	loose  drawnGroup
}

var (
	pdfPageObj  = regexp.MustCompile(`(?s)<</Type /Page\n(.*?)/Contents (\d+) 0 R>>`)
	pdfMediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`)
)

// readDrawnPages parses every page of a PDF written by this package.
func readDrawnPages(t *testing.T, data []byte) []drawnPage {
	t.Helper()
	var pages []drawnPage
	// Pages without a box of their own have the document's.
	all := pdfMediaBox.FindAllSubmatch(data, -1)
	if len(all) == 0 {
		t.Fatal("the PDF has no MediaBox")
	}
	docBox := all[len(all)-1]
	for _, m := range pdfPageObj.FindAllSubmatch(data, -1) {
		box := pdfMediaBox.FindSubmatch(m[1])
		if box == nil {
			box = docBox
		}
		wPt, _ := strconv.ParseFloat(string(box[1]), 64)
		hPt, _ := strconv.ParseFloat(string(box[2]), 64)
		head := regexp.MustCompile(`(?s)\n` + string(m[2]) + ` 0 obj\n<<([^>]*)>>\nstream\n`)
		loc := head.FindSubmatchIndex(data)
		if loc == nil {
			t.Fatalf("no content stream %s", m[3])
		}
		dict := string(data[loc[2]:loc[3]])
		n, err := strconv.Atoi(regexp.MustCompile(`/Length (\d+)`).FindStringSubmatch(dict)[1])
		if err != nil {
			t.Fatal(err)
		}
		body := data[loc[1] : loc[1]+n]
		if bytes.Contains([]byte(dict), []byte("FlateDecode")) {
			r, err := zlib.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			if body, err = io.ReadAll(r); err != nil {
				t.Fatal(err)
			}
		}
		pages = append(pages, interpret(t, body, wPt/ptPerMM, hPt/ptPerMM))
	}
	if len(pages) == 0 {
		t.Fatal("the PDF has no pages")
	}
	return pages
}

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

func (m matrix) mul(n matrix) matrix { // m then n
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m[0]*x + m[2]*y + m[4], m[1]*x + m[3]*y + m[5]
}

// interpret runs a content stream, turning PDF points (y upwards) into
// page millimetres (y downwards).
func interpret(t *testing.T, src []byte, w, h float64) drawnPage {
	t.Helper()
	page := drawnPage{w: w, h: h}
	ctm := matrix{1, 0, 0, 1, 0, 0}
	var stack []matrix
	var args []string
	var texts []string
	var tdX, tdY, lineWidth, fontSize float64
	var path [][2]float64
	var pendingRect *drawnRect
	lineWidth = 1
	toPage := func(x, y float64) (float64, float64) {
		px, py := ctm.apply(x, y)
		return px / ptPerMM, h - py/ptPerMM
	}
	target := func() *drawnGroup {
		if len(stack) == 0 {
			return &page.loose
		}
		return &page.groups[len(page.groups)-1]
	}
	num := func(i int) float64 {
		v, err := strconv.ParseFloat(args[len(args)-i], 64)
		if err != nil {
			t.Fatalf("operand %q: %v", args[len(args)-i], err)
		}
		return v
	}
	for _, tok := range tokenize(t, src) {
		if tok.operand {
			args = append(args, tok.text)
			continue
		}
		switch tok.text {
		case "q":
			if len(stack) == 0 {
				page.groups = append(page.groups, drawnGroup{})
			}
			stack = append(stack, ctm)
		case "Q":
			ctm, stack = stack[len(stack)-1], stack[:len(stack)-1]
		case "cm":
			ctm = matrix{num(6), num(5), num(4), num(3), num(2), num(1)}.mul(ctm)
		case "w":
			lineWidth = num(1)
		case "re":
			x, y, rw, rh := num(4), num(3), num(2), num(1)
			ax, ay := toPage(x, y)
			bx, by := toPage(x+rw, y+rh)
			pendingRect = &drawnRect{math.Min(ax, bx), math.Min(ay, by), math.Max(ax, bx), math.Max(ay, by), false}
		case "m":
			path = [][2]float64{{num(2), num(1)}}
		case "l":
			path = append(path, [2]float64{num(2), num(1)})
		case "f", "F", "f*", "B", "b":
			if pendingRect != nil {
				pendingRect.filled = true
				target().rects = append(target().rects, *pendingRect)
			}
			pendingRect, path = nil, nil
		case "S":
			g := target()
			if pendingRect != nil {
				g.rects = append(g.rects, *pendingRect)
			}
			for i := 1; i < len(path); i++ {
				x1, y1 := toPage(path[i-1][0], path[i-1][1])
				x2, y2 := toPage(path[i][0], path[i][1])
				g.lines = append(g.lines, drawnLine{x1, y1, x2, y2, lineWidth * math.Hypot(ctm[0], ctm[1]) / ptPerMM})
			}
			pendingRect, path = nil, nil
		case "n", "h":
		case "BT":
			texts = nil
		case "Tf":
			fontSize = num(1)
		case "Td":
			tdX, tdY = num(2), num(1)
		case "Tj":
			texts = append(texts, args[len(args)-1])
		case "ET":
			x, y := toPage(tdX, tdY)
			ux, uy := toPage(tdX, tdY+1)
			d := math.Hypot(ux-x, uy-y)
			for _, s := range texts {
				target().texts = append(target().texts, drawnText{x, y, (ux - x) / d, (uy - y) / d, fontSize * d, s})
			}
		}
		args = args[:0]
	}
	return page
}

type token struct {
	text    string
	operand bool
}

// tokenize splits a content stream into operands (numbers, names, decoded
// strings, arrays as one token) and operators.
func tokenize(t *testing.T, src []byte) []token {
	t.Helper()
	var out []token
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			i++
		case c == '(':
			s, n := pdfString(src[i:])
			out = append(out, token{s, true})
			i += n
		case c == '[':
			j := bytes.IndexByte(src[i:], ']')
			out = append(out, token{string(src[i : i+j+1]), true})
			i += j + 1
		case c == '/' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
			j := i + 1
			for j < len(src) && !bytes.ContainsRune([]byte(" \n\r\t()[]/"), rune(src[j])) {
				j++
			}
			out = append(out, token{string(src[i:j]), true})
			i = j
		default:
			j := i + 1
			for j < len(src) && !bytes.ContainsRune([]byte(" \n\r\t()[]/"), rune(src[j])) {
				j++
			}
			out = append(out, token{string(src[i:j]), false})
			i = j
		}
	}
	return out
}

// pdfString reads a literal string from its opening parenthesis and returns
// its text (UTF-16BE, as the library writes UTF-8 fonts, or bytes) and its
// length in the stream.
func pdfString(src []byte) (string, int) {
	var raw []byte
	depth := 0
	i := 0
	for ; i < len(src); i++ {
		c := src[i]
		if c == '\\' && i+1 < len(src) {
			i++
			switch e := src[i]; e {
			case 'n':
				raw = append(raw, '\n')
			case 'r':
				raw = append(raw, '\r')
			case 't':
				raw = append(raw, '\t')
			case 'b':
				raw = append(raw, '\b')
			case 'f':
				raw = append(raw, '\f')
			default:
				if e >= '0' && e <= '7' {
					v, k := 0, 0
					for ; k < 3 && i+k < len(src) && src[i+k] >= '0' && src[i+k] <= '7'; k++ {
						v = v*8 + int(src[i+k]-'0')
					}
					raw = append(raw, byte(v))
					i += k - 1
				} else {
					raw = append(raw, e)
				}
			}
			continue
		}
		if c == '(' {
			depth++
			if depth == 1 {
				continue
			}
		}
		if c == ')' {
			depth--
			if depth == 0 {
				break
			}
		}
		raw = append(raw, c)
	}
	if len(raw)%2 == 0 && len(raw) > 0 {
		u := make([]uint16, len(raw)/2)
		for k := range u {
			u[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
		}
		return string(utf16.Decode(u)), i + 1
	}
	return string(raw), i + 1
}
