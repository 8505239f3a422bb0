package game

// Results of a workshop, computed from its records, never stored as truth
// (domain.md, "Results"). Plays without ratings are shown as unrated,
// never as zero.

// Quadrants of the desirability × feasibility matrix, split at the
// midpoint of the scale.
const (
	QuadrantDoNow         = "do-now"         // high customer, high organisation
	QuadrantMakeFeasible  = "make-feasible"  // high customer, low organisation
	QuadrantMakeDesirable = "make-desirable" // low customer, high organisation
	QuadrantPark          = "park"           // low, low
)

// Score is the ratings of one criterion, or the mean of a perspective's
// criteria, for one play: the mean over raters (each rater's newest
// rating counts), the lowest and highest value given, and how many raters
// rated. Rated is false when nobody did; Mean is then 0 and must not be
// shown as a score.
type Score struct {
	Mean   float64 `json:"mean"`
	Min    int     `json:"min"`
	Max    int     `json:"max"`
	Raters int     `json:"raters"`
	Rated  bool    `json:"rated"`
	// What the raters are: Team when the table's own joint rating
	// (RaterTeam) is among them, Participants how many participants rated
	// blind (of a perspective: the most of any of its criteria), so that a
	// score can say whether it is the table's rating, its participants'
	// mean or both.
	Team         bool `json:"team,omitempty"`
	Participants int  `json:"participants,omitempty"`
}

// PlayResult is one play with its scores.
type PlayResult struct {
	Play         Play             `json:"play"`
	Team         string           `json:"team"`  // the team's name
	Title        string           `json:"title"` // the card's title in the workshop's language, or a blank card's own text
	Path         string           `json:"path,omitempty"`
	Criteria     map[string]Score `json:"criteria"`           // by criterion key
	Customer     Score            `json:"customer"`           // mean of the customer criteria
	Organisation Score            `json:"organisation"`       // mean of the organisation criteria
	Quadrant     string           `json:"quadrant,omitempty"` // "" while not both perspectives are rated
}

// AreaSummary counts what the teams laid in one area.
type AreaSummary struct {
	Area         string  `json:"area"`
	Plays        int     `json:"plays"`
	Rated        int     `json:"rated"`
	Customer     float64 `json:"customer"`     // mean customer score of the rated plays
	Organisation float64 `json:"organisation"` // mean organisation score of the rated plays
}

// WorkshopResults are the results of one workshop.
type WorkshopResults struct {
	Workshop Workshop      `json:"workshop"`
	Midpoint float64       `json:"midpoint"` // of the scale: (min+max)/2 of the criteria
	Plays    []PlayResult  `json:"plays"`    // ranked: see Rank
	Areas    []AreaSummary `json:"areas"`    // in board order
}

// CardSummary is one card code across workshops.
type CardSummary struct {
	Code         string  `json:"code"`
	Title        string  `json:"title"`
	Chosen       int     `json:"chosen"`    // times laid on a board
	Workshops    int     `json:"workshops"` // in how many workshops
	Rated        int     `json:"rated"`
	Customer     float64 `json:"customer"`
	Organisation float64 `json:"organisation"`
}

// Filter chooses workshops for a comparison; empty fields match all.
type Filter struct {
	Client, Sector string
	From, To       string // YYYY-MM-DD, inclusive
}
