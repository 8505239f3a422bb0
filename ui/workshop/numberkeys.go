package workshop

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2/lang"
)

// Numbers typed key by key, for what the board asks: a rating on the
// criterion's scale, a participant's number at the table. One key is one
// number while no further digit could make a larger one in range, so a
// 1–5 scale and a table of four take one key each, as before; on a 0–10
// scale, or at a table of twelve, "1" waits for the next digit ("10") or
// for Enter ("1"), and the prompt shows what was typed so far.

// numberDone reports whether digits typed so far can only be the whole
// number, on a scale up to max: a further digit would pass max, or they
// are a lone 0, which no number starts with.
func numberDone(typed string, max int) bool {
	v, err := strconv.Atoi(typed)
	return err != nil || v == 0 || v*10 > max
}

// numberKey takes one digit of a number up to hi. It calls done with
// the number once it is complete; until then it keeps the digits in the
// key mode and shows them after the question asked.
func (s *Screen) numberKey(digit rune, hi int, done func(v int)) {
	typed := s.Keys.typed + string(digit)
	if !numberDone(typed, hi) {
		s.Keys.typed = typed
		s.ask(s.Keys.asked)
		return
	}
	s.endNumber()
	v, _ := strconv.Atoi(typed)
	done(v)
}

// typedNumber is the number whose digits are kept, and whether there is
// one: Enter takes it as it is.
func (s *Screen) typedNumber() (int, bool) {
	if s.Keys.typed == "" {
		return 0, false
	}
	v, _ := strconv.Atoi(s.Keys.typed)
	s.endNumber()
	return v, true
}

// endNumber forgets the digits kept and puts the question back as asked.
func (s *Screen) endNumber() {
	if s.Keys.typed != "" {
		s.Keys.typed = ""
		s.ask(s.Keys.asked)
	}
}

// ask shows the question the number keys answer now, with the digits
// typed so far after it, and keeps it for when they are.
func (s *Screen) ask(question string) {
	s.Keys.asked = question
	if s.Keys.typed == "" {
		s.Code.Prompt.SetText(question)
		return
	}
	s.Code.Prompt.SetText(fmt.Sprintf(lang.L("%s %s… (the next digit, or Enter for %s)"), question, s.Keys.typed, s.Keys.typed))
}
