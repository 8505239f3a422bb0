package workbook

import "github.com/xuri/excelize/v2"

// dateFormats are how dates and times are shown in each language, as its
// readers write them: Finnish 12.3.2026 and 9:33, Swedish 2026-03-12 and
// 09:33, English 12 Mar 2026 and 9:33 AM. The cells stay Excel dates, so
// a client may show them otherwise. Times are 24-hour in Finnish and
// Swedish (Finnish writes 9.33 too, which a format cannot say apart from
// a decimal point).
var dateFormats = map[string]map[kind]string{
	"fi": {kindDate: "d.m.yyyy", kindTime: "d.m.yyyy h:mm"},
	"sv": {kindDate: "yyyy-mm-dd", kindTime: "yyyy-mm-dd hh:mm"},
	"en": {kindDate: "d mmm yyyy", kindTime: "d mmm yyyy h:mm AM/PM"},
}

// dateShown is the longest each language's dates and times show, which
// their columns are as wide as.
var dateShown = map[string]map[kind]string{
	"fi": {kindDate: "30.12.2026", kindTime: "30.12.2026 23:59"},
	"sv": {kindDate: "2026-12-30", kindTime: "2026-12-30 23:59"},
	"en": {kindDate: "30 Dec 2026", kindTime: "30 Dec 2026 12:59 PM"},
}

// styles are the workbook's cell styles: the header's, and each kind of
// column's that is not plain text.
type styles struct {
	header    int
	of        map[kind]int
	dateShown map[kind]string
}

// newStyles makes the styles of a workbook in lang (English's dates for a
// language without its own).
func newStyles(x *excelize.File, lang string) (styles, error) {
	if _, ok := dateFormats[lang]; !ok {
		lang = "en"
	}
	s := styles{of: map[kind]int{}, dateShown: dateShown[lang]}
	var err error
	s.header, err = x.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"#E7ECF2"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "#7F8C99", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, // a long header wraps between its words
	})
	if err != nil {
		return s, err
	}
	// Every cell sits at the top of its row, beside a note that wraps
	// onto several lines.
	top := &excelize.Alignment{Vertical: "top"}
	formats := map[kind]*excelize.Style{
		kindText:     {Alignment: top},
		kindCount:    {Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}, // a rank apart from the code beside it
		kindMean:     {CustomNumFmt: ptr("0.0#"), Alignment: top},
		kindDate:     {CustomNumFmt: ptr(dateFormats[lang][kindDate]), Alignment: top},
		kindTime:     {CustomNumFmt: ptr(dateFormats[lang][kindTime]), Alignment: top},
		kindLongText: {Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}},
	}
	for k, style := range formats {
		if s.of[k], err = x.NewStyle(style); err != nil {
			return s, err
		}
	}
	return s, nil
}
