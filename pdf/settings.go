package pdf

import (
	"strconv"
	"strings"
)

// Settings describes a card print for the print history, in the words of
// the command line's options, so a print can be repeated.
func (o CardOptions) Settings() map[string]string {
	return map[string]string{
		"lang":   o.Lang,
		"size":   o.Size.Name,
		"paper":  o.Paper.Name,
		"margin": fmtMM(o.Margin),
		"bleed":  fmtMM(o.Bleed),
		"safe":   fmtMM(o.Safe),
		"proof":  strconv.FormatBool(o.Proof),
		"layout": o.Layout,
		"marks":  strconv.FormatBool(o.Marks),
		"backs":  o.Backs,
		"offset": fmtMM(o.OffsetX) + "," + fmtMM(o.OffsetY),
		"only":   strings.Join(o.Only, ","),
		"blank":  strconv.Itoa(o.Blank),
	}
}

func fmtMM(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// ParseOffset reads a back offset "X,Y" in millimetres.
func ParseOffset(s string) (x, y float64, err error) {
	xs, ys, ok := strings.Cut(strings.ReplaceAll(s, " ", ""), ",")
	if ok {
		x, err = strconv.ParseFloat(xs, 64)
		if err == nil {
			y, err = strconv.ParseFloat(ys, 64)
		}
	}
	if !ok || err != nil {
		return 0, 0, refusal("the offset %q is not X,Y in millimetres, such as 1.5,-0.5", s)
	}
	if abs(x) > MaxOffset || abs(y) > MaxOffset {
		return 0, 0, refusal("the offset %q is beyond ±%d mm; print the calibration page again", s, MaxOffset)
	}
	return x, y, nil
}
