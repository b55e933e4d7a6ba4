package addrmap

// The colours every writer draws with. Text is always ink on a light fill
// (role colours included) or label colour on the page: some renderers
// (ImageMagick's own SVG renderer among them) ignore a text's fill and draw
// it black, so a light fill keeps every label readable there too. Each pair
// of text and background holds a WCAG contrast of at least 4.5:1
// (TestTextContrast measures every text of rendered maps).
const (
	colourPage       = "#ffffff" // behind everything
	colourInk        = "#1f2933" // titles, labels, names on a range
	colourFree       = "#f4f6f9" // a band's background: free space
	colourFreeInk    = "#52606d" // "free N" on free space
	colourBarStroke  = "#9aa5b1"
	colourOverlap    = "#d62728" // hatch lines, outline and labels of an overlap
	colourOverlapBed = "#e15759" // under the hatch lines, translucent
)
