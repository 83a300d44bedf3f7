# METADATA
# description: |
#   How findings are worded, in every language. The words themselves are in one catalog per language
#   (src/locales/<lang>.json, given as data.words); only their assembly lives here, no decision.
package souverain.lib.describe

import data.souverain.lib.catalog

langs := {"en", "fr"}

# A word of the catalog. A missing word prints its key: it never drops a finding.
word(lang, key) := text if {
	text := data.words[lang].messages[key]
} else := key

# The template with each {name} replaced by its value, in one pass: a value (a tag, a resource name)
# is never read as a placeholder.
fill(template, values) := concat("", [filled(i, part, values) | some i, part in split(template, "{")])

filled(i, part, values) := part if {
	i == 0
} else := concat("", [as_text(values[name]), substring(part, count(name) + 1, -1)]) if {
	pieces := split(part, "}")
	count(pieces) > 1
	name := pieces[0]
	values[name] != null
} else := concat("", ["{", part])

as_text(x) := x if is_string(x)

else := sprintf("%v", [x])

# {"en": ..., "fr": ...}: one word in every language, its placeholders filled with the same values.
said(key, values) := {lang: fill(word(lang, key), values) | some lang in langs}

# "sensitive and restricted (Diffusion Restreinte)", "sensibles et Diffusion Restreinte"
classes(lang, set) := concat(word(lang, "and"), sort([class_name(lang, c) | some c in set]))

class_name(lang, c) := name if {
	name := data.words[lang].classes[c]
} else := c

country_name(lang, code) := name if {
	name := data.words[lang].countries[code]
} else := name if {
	name := catalog.countries[code].name
} else := code

countries(lang, p) := concat(word(lang, "list"), [country_name(lang, c) | some c in p.countries])

# A region's name as the catalog gives it, in French when the catalog of words has it.
place_name(lang, name) := translated if {
	translated := data.words[lang].places[name]
} else := name

role_words(_, p) := "" if p.role == "primary"

role_words(lang, p) := word(lang, key) if {
	p.role != "primary"
	key := concat("", ["role.", p.role])
	data.words[lang].messages[key]
}

role_words(lang, p) := fill(word(lang, "role.other"), {"role": p.role}) if {
	p.role != "primary"
	not data.words[lang].messages[concat("", ["role.", p.role])]
}

# `not is_string(p.x)` fails when p.x is absent, so absence is tested through a helper rule.
has_string(p, field) if is_string(p[field])

# "AWS eu-west-3 (Paris, France)", "Scaleway (région inconnue)".
where(lang, p) := fill(word(lang, form), {
	"provider": object.get(p, "provider", ""), "region": object.get(p, "region", ""),
	"service": object.get(p, "service", ""), "name": place_name(lang, object.get(p, "name", "")),
	"countries": countries(lang, p),
}) if {
	p.known
	form := known_form(lang, p)
}

where(lang, p) := fill(word(lang, "where.unknown-provider"), {"provider": p.provider, "reason": unknown_reason(lang, p)}) if {
	not p.known
	is_string(p.provider)
}

where(lang, p) := fill(word(lang, "where.unknown-cloud"), {"cloud": p.cloud, "reason": unknown_reason(lang, p)}) if {
	not p.known
	not has_string(p, "provider")
	has_string(p, "cloud")
}

where(lang, p) := unknown_reason(lang, p) if {
	not p.known
	not has_string(p, "provider")
	not has_string(p, "cloud")
}

known_form(lang, p) := "where.region" if {
	is_string(p.region)
	place_name(lang, p.name) != countries(lang, p)
} else := "where.region-country" if {
	is_string(p.region)
} else := "where.service" if {
	has_string(p, "service")
} else := "where.provider"

unknown_reason(lang, p) := text if {
	text := data.words[lang].messages[concat("", ["unknown.", p.reason])]
} else := fill(word(lang, "unknown.other"), {"reason": object.get(p, "reason", "?")})

# The provider's offers that are not qualified but cover this placement, each with its status:
# " [Bleu, Azure « cloud de confiance » : qualification en cours]", or "" when there are none.
status_note(lang, p, field) := fill(word(lang, "offers"), {"offers": concat(word(lang, "list"), pending)}) if {
	pending := [fill(word(lang, "offer"), {"offer": o.name, "status": offer_status(lang, field, o[field])}) |
		some o in catalog.providers[p.cloud].offers
		catalog.status(field, o[field]) != "qualified"
		catalog.covers(o, p.region, p.service)
	]
	count(pending) > 0
} else := ""

offer_status(lang, field, q) := fill(word(lang, status_key(lang, field, q.status)), {"status": q.status}) if {
	q.status != "qualified"
} else := fill(word(lang, status_key(lang, field, "past-term")), {"date": date(lang, catalog.term(q))}) if {
	catalog.lapsed(field, q) == "past-term"
} else := word(lang, "status.undated")

# "status.hds.in-process" (a certification) before "status.in-process" (a qualification), else "status.other".
status_key(lang, field, status) := key if {
	key := concat("", ["status.", field, ".", status])
	data.words[lang].messages[key]
} else := key if {
	key := concat("", ["status.", status])
	data.words[lang].messages[key]
} else := "status.other"

# A problem followed by the provider's offers that cover the placement without counting for `field`.
with_offers(key, p, field) := {lang: fill(word(lang, key), {"offers": status_note(lang, p, field)}) | some lang in langs}

# A problem naming the provider's jurisdiction, a country code, as the language names the country.
with_jurisdiction(key, code) := {lang: fill(word(lang, key), {"jurisdiction": country_name(lang, code)}) | some lang in langs}

# {"en": ..., "fr": ...}: what is wrong with one placement of one resource holding the given classes.
# Each problem is itself {"en": ..., "fr": ...}.
finding(v, p, held, problems) := {lang: fill(word(lang, "finding"), {
	"resource": label(v.resource), "classes": classes(lang, held), "role": role_words(lang, p),
	"where": where(lang, p), "problems": concat(word(lang, "problems"), [problem[lang] | some problem in problems]),
}) |
	some lang in langs
}

# A YYYY-MM-DD date as the language writes it ("31 mars 2027", "1er mars 2027"; English keeps it as
# it is); anything else, or a language without the words, as it is.
date(lang, iso) := fill(format, {"iso": iso, "year": substring(iso, 0, 4), "month": month, "day": day}) if {
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, iso)
	format := data.words[lang].date.format
	month := data.words[lang].date.months[to_number(substring(iso, 5, 2)) - 1]
	day := day_words(lang, substring(iso, 8, 2))
} else := iso

day_words(lang, "01") := data.words[lang].date.first

day_words(_, dd) := format_int(to_number(trim_left(dd, "0")), 10) if dd != "01"

# How messages name a resource: its short name when it has one, else its id.
label(resource) := resource.name if is_string(resource.name)

else := resource.id
