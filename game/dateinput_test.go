package game

import (
	"testing"
	"time"
)

func TestReadDateTakesTheLocalForms(t *testing.T) {
	today := time.Date(2026, 12, 2, 15, 0, 0, 0, time.UTC)
	for typed, want := range map[string]string{
		"2026-12-02":           "2026-12-02",
		" 2026-12-2 ":          "2026-12-02",
		"2.12.2026":            "2026-12-02",
		"02.12.2026":           "2026-12-02",
		"2.12.26":              "2026-12-02",
		"2.12.":                "2026-12-02",
		"14.3.":                "2026-03-14",
		"2/12 2026":            "2026-12-02",
		"2/12/2026":            "2026-12-02",
		"2 december 2026":      "2026-12-02",
		"2 December 2026":      "2026-12-02",
		"2 dec. 2026":          "2026-12-02",
		"2 okt 2026":           "2026-10-02",
		"14 mars 2027":         "2027-03-14",
		"14 Mar 2027":          "2027-03-14",
		"1 maj":                "2026-05-01",
		"2. joulukuuta 2026":   "2026-12-02",
		"2. jouluk. 2026":      "2026-12-02",
		"14. maaliskuuta 2027": "2027-03-14",
		"3. marraskuuta 2026":  "2026-11-03",
		"December 2, 2026":     "2026-12-02",
		"29.2.2028":            "2028-02-29",
	} {
		got, err := ReadDate(typed, today)
		if err != nil || got != want {
			t.Errorf("ReadDate(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
}

func TestReadDateRefusesWhatIsNoDay(t *testing.T) {
	today := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	for _, typed := range []string{
		"", "tomorrow", "31.11.2026", "29.2.2027", "2026-13-01", "0.12.2026",
		"2.12.202", "2.12.2", "2-12-2026", "2026.12.02", "2 foo 2026",
		"2 ma 2026", // too short to name a month
		"2 mar marraskuuta 2026", "12", "1.2.3.4",
	} {
		if got, err := ReadDate(typed, today); err == nil {
			t.Errorf("ReadDate(%q) = %q, want a refusal", typed, got)
		}
	}
}

func TestDateInWordsSaysTheDayReadInEachLanguage(t *testing.T) {
	for language, want := range map[string]string{
		"en": "2 December 2026", "sv": "2 december 2026", "fi": "2. joulukuuta 2026",
	} {
		if got := DateInWords("2026-12-02", language); got != want {
			t.Errorf("DateInWords in %s = %q, want %q", language, got, want)
		}
		back, err := ReadDate(want, time.Now())
		if err != nil || back != "2026-12-02" {
			t.Errorf("the words %q read back as %q, %v", want, back, err)
		}
	}
	if got := DateInWords("2.12.2026", "en"); got != "" {
		t.Errorf("DateInWords of a non-ISO date = %q, want nothing", got)
	}
}

func TestMonthInWordsNamesTheCalendarsMonth(t *testing.T) {
	for language, want := range map[string]string{"en": "March 2027", "sv": "mars 2027", "fi": "maaliskuu 2027"} {
		if got := MonthInWords("2027-03-01", language); got != want {
			t.Errorf("MonthInWords in %s = %q, want %q", language, got, want)
		}
	}
}
