package kit

import "fmt"

// Counted says a number of things in the form the number takes: "1 error",
// "3 errors" (Finnish "1 virhe", "3 virhettä").
func Counted(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return fmt.Sprintf(many, n)
}

// Plural is a sentence in the form its number takes, with more to fill
// in: one is the sentence for 1, without the number ("Import 1 card from
// %s"); many has the number first ("Import %d cards from %s"). Swedish,
// Finnish and English each have these two forms.
func Plural(n int, one, many string, args ...any) string {
	if n == 1 {
		return fmt.Sprintf(one, args...)
	}
	return fmt.Sprintf(many, append([]any{n}, args...)...)
}
