# METADATA
# description: Words for findings, in French and English. Only wording lives here, no decision.
package souverain.lib.describe

import data.souverain.lib.catalog

class_names := {
	"en": {
		"public": "public", "internal": "internal", "personal": "personal", "health": "health",
		"sensitive": "sensitive", "restricted": "restricted (Diffusion Restreinte)", "archive": "public archive",
		"definitive-archive": "definitive or historical archive", "classified": "classified (IGI 1300)",
	},
	"fr": {
		"public": "publiques", "internal": "internes", "personal": "personnelles", "health": "de santé",
		"sensitive": "sensibles", "restricted": "Diffusion Restreinte", "archive": "d'archives publiques",
		"definitive-archive": "d'archives définitives ou historiques", "classified": "classifiées (IGI 1300)",
	},
}

# "sensitive and restricted (Diffusion Restreinte)"
classes(lang, set) := concat(connective[lang], sort([class_names[lang][c] | some c in set]))

connective := {"en": " and ", "fr": " et "}

country_name(code) := catalog.countries[code].name

country_name(code) := code if not catalog.countries[code]

countries(p) := concat(", ", [country_name(c) | some c in p.countries])

role := {
	"en": {"primary": "", "replica": " (replica)", "backup": " (backup copy)", "cdn": " (CDN edge copy)"},
	"fr": {"primary": "", "replica": " (réplique)", "backup": " (copie de sauvegarde)", "cdn": " (copie CDN)"},
}

role_words(lang, p) := role[lang][p.role]

role_words(lang, p) := concat("", [" (", p.role, ")"]) if not role[lang][p.role]

# `not is_string(p.x)` fails when p.x is absent, so absence is tested through a helper rule.
has_string(p, field) if is_string(p[field])

# "AWS eu-west-3 (Paris, France)", "Scaleway (region unknown)".
where(_, p) := concat("", [p.provider, " ", p.region, " (", p.name, ", ", countries(p), ")"]) if {
	p.known
	is_string(p.region)
	p.name != countries(p)
}

where(_, p) := concat("", [p.provider, " ", p.region, " (", countries(p), ")"]) if {
	p.known
	is_string(p.region)
	p.name == countries(p)
}

where(_, p) := concat("", [p.provider, " (", countries(p), ")"]) if {
	p.known
	not has_string(p, "region")
	not has_string(p, "service")
}

where(_, p) := concat("", [p.provider, " ", p.service, " (", countries(p), ")"]) if {
	p.known
	not has_string(p, "region")
	has_string(p, "service")
}

where(lang, p) := concat("", [p.provider, " ", unknown_words[lang][p.reason]]) if {
	not p.known
	is_string(p.provider)
}

where(lang, p) := concat("", ["'", p.cloud, "' ", unknown_words[lang][p.reason]]) if {
	not p.known
	not has_string(p, "provider")
	has_string(p, "cloud")
}

where(lang, p) := unknown_words[lang][p.reason] if {
	not p.known
	not has_string(p, "provider")
	not has_string(p, "cloud")
}

unknown_words := {
	"en": {
		"no-cloud": "(no cloud stated)",
		"unknown-cloud": "(a cloud not in the catalog)",
		"retired-cloud": "(a retired cloud)",
		"global-service": "(a global service, served from points of presence worldwide)",
		"no-region": "(region unknown)",
		"unknown-region": "(a region not in the catalog)",
		"zone-outside-region": "(a zone outside the stated region)",
	},
	"fr": {
		"no-cloud": "(aucun cloud indiqué)",
		"unknown-cloud": "(un cloud absent du catalogue)",
		"retired-cloud": "(un cloud qui a fermé)",
		"global-service": "(un service global, servi depuis des points de présence dans le monde entier)",
		"no-region": "(région inconnue)",
		"unknown-region": "(une région absente du catalogue)",
		"zone-outside-region": "(une zone hors de la région indiquée)",
	},
}

# The offers of the provider that are not qualified but cover this placement, with their status.
pending_offers(p, field) := concat(", ", [concat("", [o.name, ": ", offer_status(field, o[field])]) |
	some o in catalog.providers[p.cloud].offers
	catalog.status(field, o[field]) != "qualified"
	catalog.covers(o, p.region, p.service)
])

# "unverified", or "qualified past its term (2025-06-30)" when only the date demotes it.
offer_status(field, q) := concat("", ["qualified ", catalog.lapsed(field, q)]) if {
	q.status == "qualified"
	catalog.lapsed(field, q)
} else := q.status

pending_offers(p, _) := "" if not catalog.providers[p.cloud]

status_note(p, field) := concat("", [" [", n, "]"]) if {
	n := pending_offers(p, field)
	n != ""
} else := ""

# {"en": ..., "fr": ...}: what is wrong with one placement of one resource holding the given classes.
finding(v, p, held, problems) := {
	"en": concat("", [
		label(v.resource), ": ", classes("en", held), " data", role_words("en", p), " on ", where("en", p), ": ",
		concat(separator.en, [problem.en | some problem in problems]), ".",
	]),
	"fr": concat("", [
		label(v.resource), " : données ", classes("fr", held), role_words("fr", p), " sur ", where("fr", p), " : ",
		concat(separator.fr, [problem.fr | some problem in problems]), ".",
	]),
}

separator := {"en": "; ", "fr": " ; "}

# How messages name a resource: its short name when it has one, else its id.
label(resource) := resource.name if is_string(resource.name)

else := resource.id
