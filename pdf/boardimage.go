package pdf

import (
	"fmt"
	"image/png"
	"io"

	"deckhand/cards"
	"deckhand/raster"
)

// The widths a board picture may be asked for, in pixels, and the one it
// has unless asked: sharp on a 4K screen and light enough for a digital
// whiteboard's upload.
const (
	MinBoardWidth     = 800
	MaxBoardWidth     = 12000
	DefaultBoardWidth = 4000
)

// BoardImageOptions are the settings of the board as a picture, for a
// digital whiteboard: the poster laid out as it prints at Size, drawn
// Width pixels wide.
type BoardImageOptions struct {
	Lang  string
	Size  Size // the poster it is laid out as, landscape
	Width int
}

// BoardImage writes the deck's board as a PNG, the poster of Size laid out
// as Board prints it, Width pixels wide and as high as the poster's aspect
// gives. It returns what laying the poster out found.
func BoardImage(w io.Writer, d *cards.Deck, o BoardImageOptions) ([]Issue, error) {
	pw, ph := max(o.Size.W, o.Size.H), min(o.Size.W, o.Size.H)
	switch {
	case ph <= 0:
		return nil, refusal("choose a poster size")
	case o.Width < MinBoardWidth || o.Width > MaxBoardWidth:
		return nil, refusal("a board picture is from %d to %d pixels wide, not %d", MinBoardWidth, MaxBoardWidth, o.Width)
	case len(d.Board.Areas) == 0:
		return nil, refusal("the deck's board has no areas to draw")
	}
	m, err := newMeasurer()
	if err != nil {
		return nil, err
	}
	poster := layoutPoster(m, d, d.Lang(o.Lang), pw, ph)
	fonts, err := raster.NewFonts()
	if err != nil {
		return nil, fmt.Errorf("load the print font: %w", err)
	}
	scale := float64(o.Width) / pw
	cv := raster.NewCanvas(o.Width, int(ph*scale+0.5), scale, rgba(white), fonts)
	if err := poster.paint(cv); err != nil {
		return nil, err
	}
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, cv.Img); err != nil {
		return nil, fmt.Errorf("encode the board picture: %w", err)
	}
	return poster.issues, nil
}
