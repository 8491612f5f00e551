/**
 * Characters that show nothing in a name or a number, the one definition for the names and numbers a leader reads:
 * format characters (zero-width spaces and joiners, soft hyphens, bidirectional marks and overrides), variation
 * selectors, control characters other than white space, and the blank fillers of Hangul and Braille. They are taken
 * out of what is stored and compared, so »Ulla\u{FE0F} U« is »Ulla U«. (The CPR detector has its own, wider set.)
 */
export const INVISIBLE = /\p{Cf}|[\u115f\u1160\u3164\uffa0\u2800]|\p{Variation_Selector}|(?![\t\n\v\f\r])\p{Cc}/gu;

/**
 * The bidirectional embeddings, overrides and isolates: a title with U+202E reads backwards from there on, and a file
 * named by it can pass ».exe« off as ».txt« (found by an attack). Taken out of titles and file names; the marks
 * (U+200E, U+200F) that only nudge a neutral sign stay.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;

/** Text of printable ASCII only: nothing invisible in it, nothing to fold (a fast way past most cells of a list). */
export const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Half a surrogate pair (from a damaged file): SQLite stores a text bound to it as U+FFFD, so a name or number is
 * given U+FFFD in its place before it is stored, and the population's hash is that of its stored rows.
 */
export const HALF_PAIR = /\p{Cs}/gu;
