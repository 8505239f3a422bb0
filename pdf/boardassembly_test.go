package pdf

import (
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
)

// seenBox is a rectangle x0 < x1, y0 < y1 in some millimetre coordinates.
type seenBox struct{ x0, y0, x1, y1 float64 }

func (b seenBox) shift(dx, dy float64) seenBox {
	return seenBox{b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy}
}

// overlaps tells whether two boxes share more than an edge.
func (b seenBox) overlaps(o seenBox) bool {
	const eps = 1e-6
	return b.x0 < o.x1-eps && o.x0 < b.x1-eps && b.y0 < o.y1-eps && o.y0 < b.y1-eps
}

// markBox is the area a tile's guide covers on its page: a line's whole
// stroke width, or a label's seenBox.
func markBox(mk tileMark) seenBox {
	const half = 0.15 // the lines are 0.3 mm wide
	if mk.kind == markLabel {
		return seenBox{mk.x, mk.y, mk.x + mk.w, mk.y + mk.h}
	}
	return seenBox{min(mk.x, mk.x+mk.w) - half, min(mk.y, mk.y+mk.h) - half, max(mk.x, mk.x+mk.w) + half, max(mk.y, mk.y+mk.h) + half}
}

// assemble follows the assembly page: every tile is cut along its cut
// lines, and laid with its cut edge exactly on the glue line of the tile
// before it (left, then above). It returns, per tile, the part of its page
// left visible and where the page's origin lands on the assembled poster.
func assemble(t *testing.T, plan tilePlan, sheets [][]tileSheet) (visible [][]seenBox, ax, ay [][]float64) {
	t.Helper()
	visible = make([][]seenBox, plan.rows)
	ax, ay = make([][]float64, plan.rows), make([][]float64, plan.rows)
	for r := range plan.rows {
		visible[r], ax[r], ay[r] = make([]seenBox, plan.cols), make([]float64, plan.cols), make([]float64, plan.cols)
		for c := range plan.cols {
			s := sheets[r][c]
			v := seenBox{s.picX0, s.picY0, s.picX1, s.picY1}
			if c > 0 {
				v.x0 = s.cutX // what is left of the cut
				ax[r][c] = ax[r][c-1] + sheets[r][c-1].glueX - s.cutX
			}
			if c < plan.cols-1 {
				v.x1 = s.glueX // the rest lies under the next tile
			}
			if r > 0 {
				v.y0 = s.cutY
				ay[r][c] = ay[r-1][c] + sheets[r-1][c].glueY - s.cutY
			}
			if r < plan.rows-1 {
				v.y1 = s.glueY
			}
			if math.IsNaN(v.x0+v.x1+v.y0+v.y1) || math.IsNaN(ax[r][c]+ay[r][c]) {
				t.Fatalf("tile %s lacks a cut or glue line on a joined side: %+v", tileLabel(r, c), s)
			}
			visible[r][c] = v
		}
	}
	return visible, ax, ay
}

// TestTiledBoardAssemblesToItsNominalSize assembles the tiles as the
// assembly page says and checks, for every poster size on every tile
// paper, that the poster runs on across each seam with nothing lost or
// repeated, that the board comes out at its nominal size, and that no
// guide or label is left in sight on it.
func TestTiledBoardAssemblesToItsNominalSize(t *testing.T) {
	m, err := newMeasurer()
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []string{"a3", "a2", "a1", "a0"} {
		for _, paper := range []string{"a4", "letter", "a3"} {
			for _, ov := range []float64{0, 15, 30} {
				name := fmt.Sprintf("%s on %s, band %g", size, paper, ov)
				p := Papers[size]
				pw, ph := max(p.W, p.H), min(p.W, p.H)
				plan, err := planTiles(pw, ph, Papers[paper], 5, ov)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				sheets := make([][]tileSheet, plan.rows)
				for r := range plan.rows {
					for c := range plan.cols {
						sheets[r] = append(sheets[r], layoutTile(m, "fi", plan, r, c))
					}
				}
				visible, ax, ay := assemble(t, plan, sheets)
				// A page point p of tile (r, c) lands at p + a on the
				// assembly and shows poster point p − o: the same poster
				// shift everywhere means the seams meet exactly.
				shiftX, shiftY := ax[0][0]+sheets[0][0].ox, ay[0][0]+sheets[0][0].oy
				var posterVisible []seenBox
				for r := range plan.rows {
					for c := range plan.cols {
						s := sheets[r][c]
						if d := math.Hypot(ax[r][c]+s.ox-shiftX, ay[r][c]+s.oy-shiftY); d > 1e-9 {
							t.Errorf("%s: tile %s lands %.2f mm off the poster it shows", name, tileLabel(r, c), d)
						}
						v := visible[r][c]
						if v.x0 < s.picX0-1e-9 || v.x1 > s.picX1+1e-9 || v.y0 < s.picY0-1e-9 || v.y1 > s.picY1+1e-9 {
							t.Errorf("%s: tile %s shows %+v beyond its picture", name, tileLabel(r, c), v)
						}
						posterVisible = append(posterVisible, v.shift(-s.ox, -s.oy))
					}
				}
				// Neighbours meet edge to edge in poster millimetres.
				for r := range plan.rows {
					for c := range plan.cols {
						i := r*plan.cols + c
						if c > 0 && math.Abs(posterVisible[i].x0-posterVisible[i-1].x1) > 1e-9 {
							t.Errorf("%s: seam left of %s: %.3f vs %.3f mm", name, tileLabel(r, c), posterVisible[i-1].x1, posterVisible[i].x0)
						}
						if r > 0 && math.Abs(posterVisible[i].y0-posterVisible[i-plan.cols].y1) > 1e-9 {
							t.Errorf("%s: seam above %s: %.3f vs %.3f mm", name, tileLabel(r, c), posterVisible[i-plan.cols].y1, posterVisible[i].y0)
						}
					}
				}
				// The assembly covers the board, and its outer edges are
				// trimmed at the board's edge: by the trim line, or already
				// there (within a line's width) where there is none.
				all := seenBox{posterVisible[0].x0, posterVisible[0].y0, posterVisible[len(posterVisible)-1].x1, posterVisible[len(posterVisible)-1].y1}
				if all.x0 > 1e-9 || all.y0 > 1e-9 || all.x1 < pw-1e-9 || all.y1 < ph-1e-9 {
					t.Errorf("%s: the tiles cover %+v, not the whole %g × %g mm board", name, all, pw, ph)
				}
				trims := map[string]bool{}
				for r := range plan.rows {
					for c := range plan.cols {
						s := sheets[r][c]
						for _, mk := range s.marks {
							if mk.kind != markTrim {
								continue
							}
							b := markBox(mk).shift(-s.ox, -s.oy)
							switch {
							case mk.w == 0 && math.Abs(b.x1) < 1e-9:
								trims["left"] = true
							case mk.w == 0 && math.Abs(b.x0-pw) < 1e-9:
								trims["right"] = true
							case mk.h == 0 && math.Abs(b.y1) < 1e-9:
								trims["top"] = true
							case mk.h == 0 && math.Abs(b.y0-ph) < 1e-9:
								trims["bottom"] = true
							default:
								t.Errorf("%s: tile %s has a trim line %+v not at the board's edge", name, tileLabel(r, c), b)
							}
						}
					}
				}
				for side, spare := range map[string]float64{"left": -all.x0, "right": all.x1 - pw, "top": -all.y0, "bottom": all.y1 - ph} {
					if !trims[side] && spare > 0.3+1e-9 {
						t.Errorf("%s: %.2f mm of paper beyond the board's %s edge and no trim line", name, spare, side)
					}
				}
				board := seenBox{0, 0, pw, ph}
				for r := range plan.rows {
					for c := range plan.cols {
						s := sheets[r][c]
						seen := posterVisible[r*plan.cols+c]
						seen = seenBox{max(seen.x0, board.x0), max(seen.y0, board.y0), min(seen.x1, board.x1), min(seen.y1, board.y1)}
						for _, mk := range s.marks {
							if b := markBox(mk).shift(-s.ox, -s.oy); b.overlaps(seen) {
								t.Errorf("%s: tile %s's guide %q (kind %d) at %+v is left on the board", name, tileLabel(r, c), mk.text, mk.kind, b)
							}
						}
						// Every joined tile still names itself somewhere hidden.
						named := false
						for _, mk := range s.marks {
							named = named || mk.kind == markLabel && regexp.MustCompile(`^`+tileLabel(r, c)+` `).MatchString(mk.text)
						}
						if !named && plan.cols*plan.rows > 1 && plan.overlap > 0 { // with no glue band, A1 has no hidden place for a name
							t.Errorf("%s: tile %s carries no name", name, tileLabel(r, c))
						}
					}
				}
				if got := float64(plan.cols)*plan.stepX() + plan.overlap + cutStrip - 2*plan.offX; math.Abs(got-pw) > 1e-9 {
					t.Errorf("%s: plan holds %.3f mm, poster %g", name, got, pw)
				}
			}
		}
	}
}

// TestTiledBoardWordsPrintInTheCutStrip reads the printed A2-on-A4 tiles
// back with pdftotext -bbox: tile B2's name and "Klipp bort" lie inside its
// cut strips, "Limma här" inside its glue band, none over the picture left
// once assembled.
func TestTiledBoardWordsPrintInTheCutStrip(t *testing.T) {
	posterNeedPoppler(t)
	o := DefaultBoardOptions()
	o.Lang, o.Tile, o.Created = "sv", "a4", posterFixed
	path, res := printBoard(t, "board-a2-on-a4-words.pdf", o)
	if res.Cols != 4 || res.Rows != 2 {
		t.Fatalf("tiles %d × %d, want 4 × 2", res.Cols, res.Rows)
	}
	page := 2 + 1*4 + 1 // B2: cut strips left and top, glue band right
	out, err := exec.Command("pdftotext", "-bbox", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<`)
	const pt = 25.4 / 72
	found := map[string]bool{}
	for _, w := range word.FindAllStringSubmatch(string(out), -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(w[i+1], 64)
			v[i] *= pt
		}
		x0, y0, x1, y1 := v[0], v[1], v[2], v[3]
		inLeftStrip := x0 >= 5-0.5 && x1 <= 5+cutStrip+0.5
		inTopStrip := y0 >= 5-0.5 && y1 <= 5+cutStrip+0.5
		inRightBand := x0 >= 210-5-15-0.5 && x1 <= 210-5+0.5
		switch w[5] {
		case "B2", "Klipp", "bort":
			if !inLeftStrip && !inTopStrip {
				t.Errorf("%q at %.1f,%.1f–%.1f,%.1f mm is outside the cut strips", w[5], x0, y0, x1, y1)
			}
			found[w[5]] = true
		case "Limma", "här":
			if !inRightBand && !(y0 >= 297-5-15-0.5) {
				t.Errorf("%q at %.1f,%.1f–%.1f,%.1f mm is outside the glue band", w[5], x0, y0, x1, y1)
			}
			found[w[5]] = true
		}
	}
	for _, w := range []string{"B2", "Klipp", "bort", "Limma", "här"} {
		if !found[w] {
			t.Errorf("tile B2 lacks %q", w)
		}
	}
}
