package pdf

// The safe zone is the band inside the cut that a print shop's cutting
// may take: shops cut to within about a millimetre and a half, so text and
// anything that must not be cut keep at least 1/8 inch (3.175 mm) inside
// the cut line. The card design's inset is the safe zone, so a card laid
// out for a shop keeps to it; the proof overlay shows it.

// DefaultSafe is 1/8 inch, the least safe zone the shops' templates mark.
const DefaultSafe = 3.175

// MaxSafe is the widest safe zone a setting may ask for; the card's own
// size limits it further (checkSafe).
const MaxSafe = 10

// checkSafe refuses a safe zone that is negative, too wide, or that leaves
// less than half the card's width for text.
func checkSafe(safe float64, size Size) error {
	if safe < 0 || safe > MaxSafe {
		return refusal("the safe zone must be between 0 and %d mm, not %g", MaxSafe, safe)
	}
	if 4*safe > size.W {
		return refusal("a safe zone of %g mm leaves too little of a %g mm wide card for its text; make it at most %g mm", safe, size.W, size.W/4)
	}
	return nil
}

// The proof overlay's colours: the cut line red, the safe zone blue, both
// thin enough not to hide what they mark.
var (
	proofCut  = RGB{220, 30, 50}
	proofSafe = RGB{20, 110, 220}
)

const proofLine = 0.2 // mm

// withProof is a side with the proof overlay drawn over it: the cut line,
// and the safe zone's edge safe mm inside it. It is for checking a print
// by eye, never for the print shop's file.
func withProof(f Face, safe float64) Face {
	out := f
	out.Shapes = append(append([]Shape(nil), f.Shapes...),
		Shape{Kind: ShapeFrame, X: 0, Y: 0, W: f.W, H: f.H, Colour: proofCut, LineWidth: proofLine})
	if safe > 0 {
		out.Shapes = append(out.Shapes, Shape{Kind: ShapeFrame, X: safe, Y: safe, W: f.W - 2*safe, H: f.H - 2*safe, Colour: proofSafe, LineWidth: proofLine})
	}
	return out
}
