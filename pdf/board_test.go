package pdf

import (
	"io"
	"math"
	"strings"
	"testing"
)

// Page sizes in points as pdfinfo prints them.
const (
	ptA4W, ptA4H = 595.28, 841.89
	ptA3W, ptA3H = 841.89, 1190.55
	ptA2W, ptA2H = 1190.55, 1683.78
)

func printBoard(t *testing.T, name string, o BoardOptions) (string, BoardResult) {
	t.Helper()
	var res BoardResult
	path := posterWrite(t, name, func(w io.Writer) error {
		var err error
		res, err = Board(w, posterDeck(t), o)
		return err
	})
	return path, res
}

func TestBoardOnePageA2InSwedish(t *testing.T) {
	posterNeedPoppler(t)
	o := DefaultBoardOptions()
	o.Lang, o.Created = "sv", posterFixed
	path, res := printBoard(t, "board-a2-sv.pdf", o)
	if res.Pages != 1 || res.Cols != 1 || res.Rows != 1 || len(res.Issues) != 0 {
		t.Errorf("result %+v, want one page and no issues", res)
	}
	sizes := posterPages(t, path)
	if len(sizes) != 1 {
		t.Fatalf("%d pages, want 1", len(sizes))
	}
	posterCheckSize(t, sizes, ptA2H, ptA2W) // landscape
	posterFontsEmbedded(t, path)
	posterContains(t, "A2 sv", posterText(t, path, 0),
		"4K data routines", "upplaga 1",
		"Insamling", "Användning", "Kommunikation", "Utveckling",
		"Vilka data samlar vi in, och varför?", "Hur använder vi data, och vem har nytta av det?",
		"Hur berättar vi om data så att kunden förstår?", "Hur utvecklar vi datarutinerna med kunderna?",
		"Utvecklingsväg", "Kundens roll och interaktion")
}

func TestBoardOnePageA3InFinnish(t *testing.T) {
	posterNeedPoppler(t)
	o := DefaultBoardOptions()
	o.Lang, o.Size, o.Created = "fi", Papers["a3"], posterFixed
	path, res := printBoard(t, "board-a3-fi.pdf", o)
	if len(res.Issues) != 0 {
		t.Errorf("issues: %v", res.Issues)
	}
	posterCheckSize(t, posterPages(t, path), ptA3H, ptA3W)
	posterContains(t, "A3 fi", posterText(t, path, 0),
		"Keruu", "Käyttö", "Kommunikointi", "Kehittäminen",
		"Miten kerromme datasta niin, että asiakas ymmärtää?", "Kehityspolku", "Asiakkaan rooli ja vuorovaikutus")
}

// expectTiles is the tile count of the brief, worked out independently:
// cols = ceil((posterW − overlap) / (windowW − overlap)), the same for rows,
// the paper upright or on its side, whichever gives fewer pages.
func expectTiles(posterW, posterH float64, paper Size, margin, overlap float64) (cols, rows int) {
	count := func(length, win float64) int { return int(math.Ceil((length - overlap) / (win - overlap))) }
	upC, upR := count(posterW, paper.W-2*margin), count(posterH, paper.H-2*margin)
	sideC, sideR := count(posterW, paper.H-2*margin), count(posterH, paper.W-2*margin)
	if sideC*sideR < upC*upR {
		return sideC, sideR
	}
	return upC, upR
}

func TestBoardA2TiledOnA4(t *testing.T) {
	posterNeedPoppler(t)
	o := DefaultBoardOptions()
	o.Lang, o.Tile, o.Created = "sv", "a4", posterFixed
	path, res := printBoard(t, "board-a2-on-a4.pdf", o)
	cols, rows := expectTiles(594, 420, Papers["a4"], 5, 15+cutStrip)
	// By hand: the A2 poster lies 594 × 420 mm. An upright A4 prints a
	// 200 × 287 mm window, 185 × 272 mm new with a 15 mm band:
	// cols = ceil(579 / 185) = 4, rows = ceil(405 / 272) = 2, 8 tiles.
	// On its side (287 × 200): ceil(579 / 272) = 3 × ceil(405 / 185) = 3, 9 tiles.
	// So 4 × 2 upright tiles and the assembly page: 9 pages.
	if cols != 4 || rows != 2 {
		t.Fatalf("formula gives %d × %d, hand count 4 × 2", cols, rows)
	}
	if res.Cols != cols || res.Rows != rows || res.Pages != cols*rows+1 {
		t.Errorf("result %+v, want %d × %d tiles and %d pages", res, cols, rows, cols*rows+1)
	}
	sizes := posterPages(t, path)
	if len(sizes) != 9 {
		t.Fatalf("%d pages, want 9", len(sizes))
	}
	posterCheckSize(t, sizes, ptA4W, ptA4H)
	posterFontsEmbedded(t, path)
	first := posterText(t, path, 1)
	posterContains(t, "assembly page", first, "Montering", "4 kolumner × 2 rader", "Klipp")
	for r := 0; r < rows; r++ {
		for c := 0; c < cols; c++ {
			label := tileLabel(r, c)
			posterContains(t, "assembly map", first, "Ark "+label)
			page := 2 + r*cols + c
			text := posterText(t, path, page)
			if !strings.Contains(" "+text+" ", " "+label+" ") {
				t.Errorf("page %d lacks its label %s: %.200s", page, label, text)
			}
			if c > 0 && !strings.Contains(text, "Klipp bort") || c < cols-1 && !strings.Contains(text, "Limma här") {
				t.Errorf("page %d (%s) lacks its seam guides", page, label)
			}
		}
	}
	posterContains(t, "tile A1", posterText(t, path, 2), "4K data routines", "Insamling")
}

func TestBoardA0TiledOnA3(t *testing.T) {
	posterNeedPoppler(t)
	o := DefaultBoardOptions()
	o.Lang, o.Size, o.Tile, o.Created = "en", Papers["a0"], "a3", posterFixed
	path, res := printBoard(t, "board-a0-on-a3.pdf", o)
	cols, rows := expectTiles(1189, 841, Papers["a3"], 5, 15+cutStrip)
	// By hand: upright A3 windows 287 × 410: ceil(1174/272) = 5 × ceil(826/395) = 3, 15 tiles;
	// on its side 410 × 287: ceil(1174/395) = 3 × ceil(826/272) = 4, 12 tiles: 13 pages.
	if cols != 3 || rows != 4 || res.Cols != 3 || res.Rows != 4 || res.Pages != 13 {
		t.Errorf("result %+v, formula %d × %d; want 3 × 4 tiles, 13 pages", res, cols, rows)
	}
	sizes := posterPages(t, path)
	if len(sizes) != 13 {
		t.Fatalf("%d pages, want 13", len(sizes))
	}
	posterCheckSize(t, sizes, ptA3H, ptA3W)
	posterContains(t, "assembly page", posterText(t, path, 1), "Assembly", "Tile A1", "Tile D3")
	posterContains(t, "last tile", posterText(t, path, 13), "D3")
}

func TestBoardReportsAnEmojiInAnAreaName(t *testing.T) {
	posterNeedPoppler(t)
	d := posterDeck(t)
	d.Board.Areas[0].Name["sv"] = "Insamling 📊"
	var res BoardResult
	path := posterWrite(t, "board-emoji.pdf", func(w io.Writer) error {
		var err error
		o := DefaultBoardOptions()
		o.Lang, o.Size, o.Created = "sv", Papers["a3"], posterFixed
		res, err = Board(w, d, o)
		return err
	})
	if len(res.Issues) != 1 || res.Issues[0].Severity != Error || !strings.Contains(res.Issues[0].Msg, "📊") {
		t.Errorf("issues %v, want one error naming the emoji", res.Issues)
	}
	posterContains(t, "emoji board", posterText(t, path, 0), "Insamling ?")
}

func TestBoardRefusesBadOptions(t *testing.T) {
	d := posterDeck(t)
	for name, change := range map[string]func(*BoardOptions){
		"unknown tile": func(o *BoardOptions) { o.Tile = "a9" },
		"wide band":    func(o *BoardOptions) { o.Tile = "a4"; o.Overlap = 80 },
		"no size":      func(o *BoardOptions) { o.Size = Size{} },
		"margin":       func(o *BoardOptions) { o.Margin = -1 },
	} {
		o := DefaultBoardOptions()
		change(&o)
		if _, err := Board(io.Discard, d, o); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	d.Board.Areas = nil
	if _, err := Board(io.Discard, d, DefaultBoardOptions()); err == nil {
		t.Error("a board without areas printed")
	}
}

func TestTileLabels(t *testing.T) {
	for _, c := range []struct {
		row, col int
		want     string
	}{{0, 0, "A1"}, {0, 1, "A2"}, {1, 0, "B1"}, {3, 2, "D3"}, {25, 9, "Z10"}, {26, 0, "AA1"}} {
		if got := tileLabel(c.row, c.col); got != c.want {
			t.Errorf("tileLabel(%d, %d) = %s, want %s", c.row, c.col, got, c.want)
		}
	}
}
