package chart

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"deckhand/game"
)

// WriteSVG writes the chart as SVG: its shapes as elements in groups, its
// words as <text> in Liberation Sans (Arial or any sans-serif where that
// is missing), so that they stay words a slide's author can edit. Its
// spaces are kept as they are (xml:space), as the key's rows need.
func (c *Chart) WriteSVG(w io.Writer) error {
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" xml:space="preserve" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s">`+"\n",
		num(c.w), num(c.h), num(c.w), num(c.h), fontFamily)
	fmt.Fprintf(b, "<title>%s</title>\n", escape(c.title))
	fmt.Fprintf(b, `<rect id="background" width="%s" height="%s" fill="#ffffff"/>`+"\n", num(c.w), num(c.h))
	group := ""
	for _, it := range c.items {
		if it.group != group {
			if group != "" {
				b.WriteString("</g>\n")
			}
			group = it.group
			fmt.Fprintf(b, "<g id=%q>\n", group)
		}
		b.WriteString(svgElement(it))
		b.WriteByte('\n')
	}
	if group != "" {
		b.WriteString("</g>\n")
	}
	b.WriteString("</svg>\n")
	return b.Flush()
}

// svgElement is one item as an SVG element.
func svgElement(it item) string {
	var s strings.Builder
	attr := func(name, value string) { fmt.Fprintf(&s, " %s=%q", name, value) }
	switch it.kind {
	case kindRect:
		s.WriteString("<rect")
		attr("x", num(it.x))
		attr("y", num(it.y))
		attr("width", num(it.x2-it.x))
		attr("height", num(it.y2-it.y))
	case kindLine:
		s.WriteString("<line")
		attr("x1", num(it.x))
		attr("y1", num(it.y))
		attr("x2", num(it.x2))
		attr("y2", num(it.y2))
	case kindCircle:
		s.WriteString("<circle")
		attr("cx", num(it.x))
		attr("cy", num(it.y))
		attr("r", num(it.r))
	case kindPolygon:
		pts := make([]string, len(it.pts))
		for i, p := range it.pts {
			pts[i] = num(p.X) + "," + num(p.Y)
		}
		s.WriteString("<polygon")
		attr("points", strings.Join(pts, " "))
	case kindText:
		s.WriteString("<text")
		attr("x", num(it.x))
		attr("y", num(it.y))
		attr("font-size", num(it.size))
		if it.bold {
			attr("font-weight", "bold")
		}
		if a := [...]string{"", "middle", "end"}[it.anchor]; a != "" {
			attr("text-anchor", a)
		}
		attr("fill", hex(*it.fill))
		s.WriteString(">" + escape(it.text) + "</text>")
		return s.String()
	}
	if it.id != "" {
		attr("id", it.id)
	}
	if it.fill != nil {
		attr("fill", hex(*it.fill))
	} else {
		attr("fill", "none")
	}
	if it.stroke != nil {
		attr("stroke", hex(*it.stroke))
		attr("stroke-width", num(it.lw))
		if it.dash {
			attr("stroke-dasharray", "6 4")
		}
	}
	s.WriteString("/>")
	return s.String()
}

// num writes a coordinate to two decimals at most.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

func hex(c game.RGB) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// escape makes text XML's: markup characters escaped, and characters XML
// cannot hold replaced.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
