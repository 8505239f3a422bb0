package cli

import (
	"flag"
	"fmt"
	"io"

	"deckhand/chart"
	"deckhand/game"
	"deckhand/storage"
)

// reportChart is what report --chart-only is asked: the matrix alone, as
// a PNG or SVG for slides, on the axes of --across and --up (as the
// report's matrix page is).
type reportChart struct {
	only         *bool
	format       *string
	width        *int
	chosenFormat string // the format asked, or the file's
}

// chartFlags adds the picture's flags to the report's.
func chartFlags(fs *flag.FlagSet) *reportChart {
	return &reportChart{
		only:   fs.Bool("chart-only", false, "write only the matrix, as a PNG or SVG for slides"),
		format: fs.String("format", "", "with --chart-only: png or svg (default: from -o's extension)"),
		width:  fs.Int("width", chart.DefaultWidth, "with --chart-only: a PNG's width in pixels"),
	}
}

// check refuses flags that do not go together, before anything is read:
// the picture's flags without --chart-only, the PDF's with it, a format
// neither asked nor told by the file's name, a width for an SVG.
func (c *reportChart) check(fs *flag.FlagSet, out string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, name := range []string{"format", "width"} {
		if given[name] && !*c.only {
			return usagef("--%s is for the matrix as a picture; add --chart-only", name)
		}
	}
	for _, name := range []string{"paper", "names", "top"} {
		if given[name] && *c.only {
			return usagef("--%s is for the PDF report; --chart-only writes the matrix alone", name)
		}
	}
	if !*c.only {
		return nil
	}
	switch *c.format {
	case chart.PNG, chart.SVG:
		c.chosenFormat = *c.format
	case "":
		format, err := chart.FormatOf(out)
		if err != nil {
			return usagef("%s is not a .png or .svg file; name one, or add --format png|svg", out)
		}
		c.chosenFormat = format
	default:
		return usagef("unknown format %q; use png or svg", *c.format)
	}
	if *c.width < chart.MinWidth || *c.width > chart.MaxWidth {
		return usagef("--width must be from %d to %d pixels, not %d", chart.MinWidth, chart.MaxWidth, *c.width)
	}
	if c.chosenFormat == chart.SVG && given["width"] {
		return usagef("--width is a PNG's; an SVG scales to any size")
	}
	return nil
}

// writeChart draws the workshop's matrix as o asks and writes it to out.
func writeChart(e *env, f *game.File, out string, o chart.Options, c *reportChart) error {
	pic, err := chart.New(f, game.Results(f), o)
	if err != nil {
		return err
	}
	err = storage.WriteFileAtomic(out, func(w io.Writer) error {
		if c.chosenFormat == chart.SVG {
			return pic.WriteSVG(w)
		}
		return pic.WritePNG(w, *c.width)
	})
	if err != nil {
		return err
	}
	if c.chosenFormat == chart.SVG {
		fmt.Fprintf(e.stdout, "wrote %s: %s (SVG)\n", out, pic.Title())
	} else {
		fmt.Fprintf(e.stdout, "wrote %s: %s (PNG, %d × %d pixels)\n", out, pic.Title(), *c.width, pic.HeightFor(*c.width))
	}
	return nil
}
