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
