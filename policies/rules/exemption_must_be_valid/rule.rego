# METADATA
# title: Exemptions are complete and current
# description: |
#   An exemption (a derogation the doctrine allows when documented) must name a rule, a resource,
#   a justification reference (a ticket, a DINUM decision) and an expiry date that has not passed.
#   An expired or malformed exemption exempts nothing and is itself a finding. The entries of a
#   baseline (findings accepted when adopting Souverain) are held to the same, and name who accepted them.
# related_resources:
#   - description: "Doctrine «\u00a0Cloud au centre\u00a0» (DINUM), dérogations"
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   description_fr: "Une dérogation (un écart que la doctrine admet s'il est documenté) doit nommer une règle, une ressource, une référence de justification (un ticket, une décision de la DINUM) et une date d'expiration non dépassée. Une dérogation expirée ou mal formée ne couvre aucun constat et constitue elle-même un constat. Les entrées d'une base de référence (constats acceptés lors de l'adoption de Souverain) sont soumises aux mêmes exigences et nomment qui les a acceptées."
#   title_fr: "Les dérogations sont complètes et en cours de validité"
#   enforcement: mandatory
#   classes: []
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "\"Cloud au centre\" doctrine, circulaire n°6404/SG of 31 May 2023: a deviation must be documented (and reported to the DINUM for projects of 1 M€ or more)."
#     fr: "Doctrine «\u00a0Cloud au centre\u00a0», circulaire n°\u00a06404/SG du 31 mai 2023\u00a0: toute dérogation doit être documentée (et signalée à la DINUM pour les projets de 1\u00a0M€ ou plus)."
#   fix:
#     en: "Complete the exemption (rule, resource, justification, expires as YYYY-MM-DD), renew it with a new justification, or remove it."
#     fr: "Complétez la dérogation (rule, resource, justification, expires au format AAAA-MM-JJ), renouvelez-la avec une nouvelle justification, ou supprimez-la."
#   frameworks: [Cloud au centre]
package souverain.rules.exemption_must_be_valid

import data.souverain.lib.describe
import data.souverain.lib.exemptions

findings contains {"exemption": n, "message": entry_words(
	"exemption.malformed", {
		"n": number(n), "rule": exemptions.field(e, "rule"), "resource": exemptions.field(e, "resource"),
	},
	problems,
)} if {
	some n, e in exemptions.declared
	problems := exemptions.problems(e)
	count(problems) > 0
}

findings contains {"exemption": n, "message": entry_words(
	"exemption.expired", {
		"n": number(n), "rule": e.rule, "resource": e.resource, "justification": e.justification, "expires": e.expires,
	},
	set(),
)} if {
	some n, e in exemptions.declared
	count(exemptions.problems(e)) == 0
	exemptions.expired(e)
}

findings contains {"baseline": n, "message": entry_words(
	"baseline.malformed", {
		"n": number(n), "rule": exemptions.field(e, "rule"), "resource": exemptions.field(e, "resource"),
		"acceptedBy": exemptions.field(e, "acceptedBy"),
	},
	problems,
)} if {
	some n, e in exemptions.baseline
	problems := exemptions.baseline_problems(e)
	count(problems) > 0
}

findings contains {"baseline": n, "message": entry_words(
	"baseline.expired", {
		"n": number(n), "rule": e.rule, "resource": e.resource, "acceptedBy": e.acceptedBy,
		"justification": e.justification, "expires": e.expires,
	},
	set(),
)} if {
	some n, e in exemptions.baseline
	count(exemptions.baseline_problems(e)) == 0
	exemptions.expired(e)
}

# Valid entries that name no resource of what a run judged (input.ids: every input of the run, which
# one evaluation of resources does not see): stale, advisory. Asked through souverain/main/unused_exemptions.
unused contains {"exemption": n, "level": "advisory", "message": entry_words(
	"exemption.unused", {
		"n": number(n), "rule": e.rule, "resource": e.resource, "justification": e.justification,
	},
	set(),
)} if {
	judged := {id | some id in input.ids}
	some n, e in exemptions.declared
	count(exemptions.problems(e)) == 0
	not exemptions.expired(e)
	not e.resource in judged
}

unused contains {"baseline": n, "level": "advisory", "message": entry_words(
	"baseline.unused", {
		"n": number(n), "rule": e.rule, "resource": e.resource, "acceptedBy": e.acceptedBy,
	},
	set(),
)} if {
	judged := {id | some id in input.ids}
	some n, e in exemptions.baseline
	count(exemptions.baseline_problems(e)) == 0
	not exemptions.expired(e)
	not e.resource in judged
}

# Entries are numbered from 1 for people.
number(n) := format_int(n + 1, 10)

# The entry's words, its dates as the language writes them and its problems listed in the language.
entry_words(key, values, problems) := {"en": entry_text("en", key, values, problems), "fr": entry_text("fr", key, values, problems)}

entry_text(lang, key, values, problems) := describe.fill(describe.word(lang, key), object.union(values, {
	"expires": describe.date(lang, object.get(values, "expires", "")),
	"problems": concat(describe.word(lang, "problems"), sort([describe.word(lang, concat("", ["problem.", p])) | some p in problems])),
}))
