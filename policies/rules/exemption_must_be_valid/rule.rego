# METADATA
# title: Exemptions are complete and current
# description: |
#   An exemption (a derogation the doctrine allows when documented) must name a rule, a resource,
#   a justification reference (a ticket, a DINUM decision) and an expiry date that has not passed.
#   An expired or malformed exemption exempts nothing and is itself a finding. The entries of a
#   baseline (findings accepted when adopting Souverain) are held to the same, and name who accepted them.
# related_resources:
#   - description: Doctrine « Cloud au centre » (DINUM), dérogations
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   enforcement: mandatory
#   classes: []
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "\"Cloud au centre\" doctrine, circulaire n°6404/SG of 31 May 2023: a deviation must be documented (and reported to the DINUM for projects of 1 M€ or more)."
#     fr: "Doctrine « Cloud au centre », circulaire n°6404/SG du 31 mai 2023 : toute dérogation doit être documentée (et signalée à la DINUM pour les projets de 1 M€ ou plus)."
#   fix:
#     en: "Complete the exemption (rule, resource, justification, expires as YYYY-MM-DD), renew it with a new justification, or remove it."
#     fr: "Complétez la dérogation (rule, resource, justification, expires au format AAAA-MM-JJ), renouvelez-la avec une nouvelle justification, ou supprimez-la."
#   frameworks: [Cloud au centre]
package souverain.rules.exemption_must_be_valid

import data.souverain.lib.exemptions

findings contains {"exemption": n, "message": {
	"en": sprintf("exemption #%d (rule %s, resource %s) is malformed: %s.", [n + 1, exemptions.field(e, "rule"), exemptions.field(e, "resource"), concat(", ", problems)]),
	"fr": sprintf("la dérogation n°%d (règle %s, ressource %s) est mal formée : %s.", [n + 1, exemptions.field(e, "rule"), exemptions.field(e, "resource"), concat(", ", problems)]),
}} if {
	some n, e in exemptions.declared
	problems := exemptions.problems(e)
	count(problems) > 0
}

findings contains {"exemption": n, "message": {
	"en": sprintf("exemption #%d (rule %s, resource %s, %s) expired on %s and no longer exempts anything.", [n + 1, e.rule, e.resource, e.justification, e.expires]),
	"fr": sprintf("la dérogation n°%d (règle %s, ressource %s, %s) a expiré le %s et n'exempte plus rien.", [n + 1, e.rule, e.resource, e.justification, e.expires]),
}} if {
	some n, e in exemptions.declared
	count(exemptions.problems(e)) == 0
	exemptions.expired(e)
}

findings contains {"baseline": n, "message": {
	"en": sprintf("baseline entry #%d (rule %s, resource %s, accepted by %s) is malformed: %s.", [n + 1, exemptions.field(e, "rule"), exemptions.field(e, "resource"), exemptions.field(e, "acceptedBy"), concat(", ", problems)]),
	"fr": sprintf("l'entrée n°%d de la base de référence (règle %s, ressource %s, acceptée par %s) est mal formée : %s.", [n + 1, exemptions.field(e, "rule"), exemptions.field(e, "resource"), exemptions.field(e, "acceptedBy"), concat(", ", problems)]),
}} if {
	some n, e in exemptions.baseline
	problems := exemptions.baseline_problems(e)
	count(problems) > 0
}

findings contains {"baseline": n, "message": {
	"en": sprintf("baseline entry #%d (rule %s, resource %s, accepted by %s, %s) expired on %s and no longer accepts the finding.", [n + 1, e.rule, e.resource, e.acceptedBy, e.justification, e.expires]),
	"fr": sprintf("l'entrée n°%d de la base de référence (règle %s, ressource %s, acceptée par %s, %s) a expiré le %s et n'accepte plus le constat.", [n + 1, e.rule, e.resource, e.acceptedBy, e.justification, e.expires]),
}} if {
	some n, e in exemptions.baseline
	count(exemptions.baseline_problems(e)) == 0
	exemptions.expired(e)
}

# Valid entries that name no resource of what a run judged (input.ids: every input of the run, which
# one evaluation of resources does not see): stale, advisory. Asked through souverain/main/unused_exemptions.
unused contains {"exemption": n, "level": "advisory", "message": {
	"en": sprintf("exemption #%d (rule %s, resource %s, %s) names no resource of what was judged: remove it if the resource is gone, or correct its id.", [n + 1, e.rule, e.resource, e.justification]),
	"fr": sprintf("la dérogation n°%d (règle %s, ressource %s, %s) ne désigne aucune ressource de ce qui a été jugé : supprimez-la si la ressource n'existe plus, ou corrigez son identifiant.", [n + 1, e.rule, e.resource, e.justification]),
}} if {
	judged := {id | some id in input.ids}
	some n, e in exemptions.declared
	count(exemptions.problems(e)) == 0
	not exemptions.expired(e)
	not e.resource in judged
}

unused contains {"baseline": n, "level": "advisory", "message": {
	"en": sprintf("baseline entry #%d (rule %s, resource %s, accepted by %s) names no resource of what was judged: remove it if the resource is gone, or correct its id.", [n + 1, e.rule, e.resource, e.acceptedBy]),
	"fr": sprintf("l'entrée n°%d de la base de référence (règle %s, ressource %s, acceptée par %s) ne désigne aucune ressource de ce qui a été jugé : supprimez-la si la ressource n'existe plus, ou corrigez son identifiant.", [n + 1, e.rule, e.resource, e.acceptedBy]),
}} if {
	judged := {id | some id in input.ids}
	some n, e in exemptions.baseline
	count(exemptions.baseline_problems(e)) == 0
	not exemptions.expired(e)
	not e.resource in judged
}
