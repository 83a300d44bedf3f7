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
}

# "Données  Personnelles" -> "donnees-personnelles"
slug(s) := trim(collapse(strings.replace_n(accent_folding, lower(trim_space(s)))), "-")

collapse(s) := replace(replace(replace(s, "--", "-"), "--", "-"), "--", "-")

# "Data_Classification", "data classification", "DataClassification" -> "dataclassification"
key(s) := replace(slug(s), "-", "")

# "personal, archive;santé" -> ["personal", "archive", "sante"]
list(s) := [v |
	some part in split(strings.replace_n({";": ",", "|": ",", "+": ",", "/": ","}, s), ",")
	v := slug(part)
	v != ""
]
