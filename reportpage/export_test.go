package reportpage

// The page's words for kinds and ranges, for the external tests.
var (
	RangeName   = rangeName
	MonthsWords = monthsWords
	LimitWords  = limitWords
)
