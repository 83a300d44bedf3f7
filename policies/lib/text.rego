# METADATA
# description: |
#   Forgiving text matching: case, spaces, underscores and accents never change the meaning of a
#   classification key or value. Only used to recognise more spellings, never to drop one.
package souverain.lib.text

# Lower and upper case, since `lower` is not guaranteed to fold non-ASCII letters in every runtime.
accent_folding := {
	"à": "a", "â": "a", "ä": "a", "á": "a", "ã": "a", "å": "a",
	"À": "a", "Â": "a", "Ä": "a", "Á": "a", "Ã": "a", "Å": "a",
	"ç": "c", "Ç": "c",
	"é": "e", "è": "e", "ê": "e", "ë": "e", "É": "e", "È": "e", "Ê": "e", "Ë": "e",
	"î": "i", "ï": "i", "í": "i", "ì": "i", "Î": "i", "Ï": "i", "Í": "i", "Ì": "i",
	"ô": "o", "ö": "o", "ó": "o", "ò": "o", "õ": "o", "Ô": "o", "Ö": "o", "Ó": "o", "Ò": "o", "Õ": "o",
	"ù": "u", "û": "u", "ü": "u", "ú": "u", "Ù": "u", "Û": "u", "Ü": "u", "Ú": "u",
	"ÿ": "y", "Ÿ": "y", "ñ": "n", "Ñ": "n",
	"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae",
	"’": "-", "'": "-", " ": "-", "_": "-", ".": "-", "\t": "-",
	# Decomposed accents (a letter then a combining mark, as macOS file names and some editors write
	# them): the mark goes, as the precomposed letter's accent does. The engine also NFC-normalises tags.
	"\u0300": "", "\u0301": "", "\u0302": "", "\u0303": "", "\u0304": "", "\u0306": "", "\u0307": "",
	"\u0308": "", "\u030a": "", "\u030b": "", "\u030c": "", "\u0327": "", "\u0328": "",
	# Unicode dashes and spaces fold like their ASCII cousins: hyphen, non-breaking hyphen, figure dash,
	# en and em dashes, minus; no-break, narrow no-break, thin, em, ideographic and zero-width spaces.
	"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
	"\u00a0": "-", "\u202f": "-", "\u2007": "-", "\u2009": "-", "\u2002": "-", "\u2003": "-", "\u3000": "-",
	"\u200b": "-", "\u2060": "-", "\ufeff": "-",
}

# "Données  Personnelles" -> "donnees-personnelles"
slug(s) := trim(collapse(strings.replace_n(accent_folding, lower(trim_space(s)))), "-")

collapse(s) := replace(replace(replace(s, "--", "-"), "--", "-"), "--", "-")

# "Data_Classification", "data classification", "DataClassification" -> "dataclassification"
key(s) := replace(slug(s), "-", "")

# Text that shows nothing: spaces of every width, zero-width and other format characters (U+200B,
# U+2060, U+FEFF...), control characters (tabs, line breaks) and the fillers that render blank.
blank(s) if regex.match(`^[\p{Z}\p{Cc}\p{Cf}\x{034F}\x{115F}\x{1160}\x{3164}\x{FFA0}\x{2800}]*$`, s)

# "personal, archive;santé" -> ["personal", "archive", "sante"]
list(s) := [v |
	some part in split(strings.replace_n({";": ",", "|": ",", "+": ",", "/": ","}, s), ",")
	v := slug(part)
	v != ""
]
