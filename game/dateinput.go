package game

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ReadDate reads a date as a facilitator types it, in ISO 8601 or in the
// local forms of Swedish, Finnish and English, and gives it back as
// YYYY-MM-DD, the form a workshop keeps:
//
//	2026-12-02                    ISO, and Swedish
//	2.12.2026, 2.12.26, 2.12.     Finnish (day, month, year; the year may be left out)
//	2/12 2026, 2/12/2026          Swedish and British English, day first
//	2 december 2026, 2 dec. 2026  Swedish, English (any case)
//	2. joulukuuta 2026            Finnish
//	December 2, 2026              English
//
// A date without a year is in the year of today. Day-first is the rule for
// numbers with a slash, as in all three languages our users write; the form
// shows the date it read in words (DateInWords), so a date read otherwise
// than meant is seen before it is saved.
func ReadDate(text string, today time.Time) (string, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	if s == "" {
		return "", refuse("no date is given; type one such as %s", today.Format(time.DateOnly))
	}
	day, month, year, ok := splitDate(s)
	if !ok {
		return "", refuse("%q is not a date; type it as %s or %s", text, today.Format(time.DateOnly), today.Format("2.1.2006"))
	}
	switch {
	case year == 0:
		year = today.Year()
	case year < 100:
		year += 2000
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if month < 1 || month > 12 || day < 1 || t.Day() != day || year > 9999 {
		return "", refuse("%q is not a day of the calendar", text)
	}
	return t.Format(time.DateOnly), nil
}

// splitDate finds the day, month and year in a lower-case date; a year of 0
// means none was written.
func splitDate(s string) (day, month, year int, ok bool) {
	parts := dateParts(s)
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, false
	}
	nums := make([]int, len(parts))
	named := -1 // which part is a month's name
	for i, p := range parts {
		if n, err := strconv.Atoi(p); err == nil {
			nums[i] = n
			continue
		}
		m := monthByName(p)
		if m == 0 || named >= 0 {
			return 0, 0, 0, false
		}
		named, nums[i] = i, m
	}
	year = 0
	switch {
	case named < 0 && len(parts[0]) == 4: // 2026-12-02
		if len(parts) != 3 || !strings.Contains(s, "-") {
			return 0, 0, 0, false
		}
		year, month, day = nums[0], nums[1], nums[2]
	case named < 0: // 2.12.2026, 2/12 2026, 2.12.
		if strings.Contains(s, "-") {
			return 0, 0, 0, false
		}
		day, month = nums[0], nums[1]
		if len(parts) == 3 {
			year = nums[2]
		}
	case named == 1: // 2 december 2026, 2. joulukuuta 2026
		day, month = nums[0], nums[1]
		if len(parts) == 3 {
			year = nums[2]
		}
	case named == 0: // december 2, 2026
		month, day = nums[0], nums[1]
		if len(parts) == 3 {
			year = nums[2]
		}
	default:
		return 0, 0, 0, false
	}
	if y := parts[len(parts)-1]; len(parts) == 3 && year == nums[2] && len(y) != 2 && len(y) != 4 {
		return 0, 0, 0, false // a year of one or three digits is a slip
	}
	return day, month, year, true
}

// dateParts cuts a date at its separators: spaces, dots, slashes, hyphens
// and commas, any number of them.
func dateParts(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '.' || r == '/' || r == '-' || r == ','
	})
}

// monthNames are the months in English, Swedish and Finnish, in order.
// Finnish writes the month in the partitive ("joulukuuta") after a day and
// in the nominative ("joulukuu") alone; both begin with the stem.
var monthNames = [12][3]string{
	{"january", "januari", "tammikuu"},
	{"february", "februari", "helmikuu"},
	{"march", "mars", "maaliskuu"},
	{"april", "april", "huhtikuu"},
	{"may", "maj", "toukokuu"},
	{"june", "juni", "kesäkuu"},
	{"july", "juli", "heinäkuu"},
	{"august", "augusti", "elokuu"},
	{"september", "september", "syyskuu"},
	{"october", "oktober", "lokakuu"},
	{"november", "november", "marraskuu"},
	{"december", "december", "joulukuu"},
}

// monthByName is the month (1–12) a word names, written out, in the
// Finnish partitive, or shortened to at least three letters ("dec",
// "okt", "sept"); 0 if it names none or more than one.
func monthByName(word string) int {
	found := 0
	for i, names := range monthNames {
		for lang, name := range names {
			if monthWordMatches(word, name, lang == 2) {
				if found != 0 && found != i+1 {
					return 0
				}
				found = i + 1
			}
		}
	}
	return found
}

// monthWordMatches says whether a word names a month: English and Swedish
// names may be shortened to three letters or more; Finnish ones are whole,
// in the partitive, or shortened as Finnish does, to the stem and "k"
// ("jouluk"), since "mar" is March in English but would be November's
// start in Finnish.
func monthWordMatches(word, name string, finnish bool) bool {
	if !finnish {
		return word == name || (len([]rune(word)) >= 3 && strings.HasPrefix(name, word))
	}
	stem := strings.TrimSuffix(name, "kuu")
	return word == name || word == name+"ta" || word == stem+"k"
}

// DateInWords writes a YYYY-MM-DD date as a person reads it in a language
// ("2 December 2026", "2 december 2026", "2. joulukuuta 2026"), so a form can
// show which day a typed date was read as; "" if it is not such a date.
func DateInWords(iso, language string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return ""
	}
	names := monthNames[t.Month()-1]
	switch language {
	case "fi":
		return strconv.Itoa(t.Day()) + ". " + names[2] + "ta " + strconv.Itoa(t.Year())
	case "sv":
		return strconv.Itoa(t.Day()) + " " + names[1] + " " + strconv.Itoa(t.Year())
	default:
		en := names[0]
		return strconv.Itoa(t.Day()) + " " + strings.ToUpper(en[:1]) + en[1:] + " " + strconv.Itoa(t.Year())
	}
}

// MonthInWords names the month of a YYYY-MM-DD date with its year, as a
// calendar's head does ("December 2026", "december 2026", "joulukuu 2026").
func MonthInWords(iso, language string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return ""
	}
	names := monthNames[t.Month()-1]
	year := " " + strconv.Itoa(t.Year())
	switch language {
	case "fi":
		return names[2] + year
	case "sv":
		return names[1] + year
	default:
		return strings.ToUpper(names[0][:1]) + names[0][1:] + year
	}
}
