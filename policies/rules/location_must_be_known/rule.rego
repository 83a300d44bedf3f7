# METADATA
# title: The location of classified data must be known
# description: |
#   Data whose class limits where it may live (personal, health, sensitive, restricted, classified,
#   archive, definitive-archive)
#   must have a location Souverain can establish: a cloud in the catalog and a region of that cloud.
#   An unknown value during preview, an unresolvable provider, a mistyped region, a retired cloud or
#   a global service is a finding, never a silent pass. So is, whatever its data, a Terraform module
#   call read from cdk.tf.json: the resources it creates are not visible there (judge the plan).
# related_resources:
#   - description: "Doctrine «\u00a0Cloud au centre\u00a0» (DINUM)"
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   description_fr: "Les données dont la classe limite le lieu où elles peuvent se trouver (valeurs personal, health, sensitive, restricted, classified, archive et definitive-archive) doivent avoir une localisation que Souverain peut établir\u00a0: un cloud du catalogue et une région de ce cloud. Une valeur inconnue pendant l'aperçu (preview), un fournisseur qui ne peut être identifié, une région mal orthographiée, un cloud fermé ou un service global sont des constats, jamais une validation silencieuse. Il en va de même, quelles que soient ses données, d'un appel de module Terraform lu dans un cdk.tf.json\u00a0: les ressources qu'il crée n'y sont pas visibles (soumettez plutôt le plan)."
#   title_fr: "La localisation des données soumises à une règle doit être connue"
#   enforcement: mandatory
#   classes: [personal, health, sensitive, restricted, classified, archive, definitive-archive]
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "The requirements of the data's classes (see the other rules) can only be checked where the location is known."
#     fr: "Les exigences liées aux classes des données (voir les autres règles) ne peuvent être vérifiées que si leur localisation est connue."
#   fix:
#     en: "Set an explicit region from the catalog on the resource or its provider, declare a private cloud or missing region in the configuration's catalog, move the data off global services, or judge the Terraform plan (terraform show -json) rather than a cdk.tf.json that calls modules."
#     fr: "Indiquez une région explicite du catalogue sur la ressource ou sur son fournisseur (provider), déclarez un cloud privé ou une région manquante dans le catalogue de la configuration, sortez les données des services globaux, ou soumettez plutôt le plan Terraform (terraform show -json) plutôt qu'un cdk.tf.json qui appelle des modules."
#   frameworks: [Souverain]
package souverain.rules.location_must_be_known

import data.souverain.lib.classes
import data.souverain.lib.describe
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, held, [reason(object.get(p, "reason", "unstated"))])} if {
	some i, v in resources.view
	held := v.classification.classes & classes.located
	count(held) > 0
	not resources.opaque(v.resource)
	some n, p in v.placements
	not p.known
}

# Whatever its classes: what a module creates cannot be judged from its call.
findings contains {"index": i, "key": "opaque", "level": "mandatory", "message": opaque_words(v.resource)} if {
	some i, v in resources.view
	resources.opaque(v.resource)
}

opaque_words(r) := describe.said("opaque.module", {"resource": describe.label(r)}) if {
	r.opaque == "module"
} else := describe.said("opaque.other", {"resource": describe.label(r), "kind": r.opaque})

# A reason without its own words still makes a finding.
reason(code) := describe.said(key, {}) if {
	key := concat("", ["location.", code])
	data.words.en.messages[key]
} else := describe.said("location.other", {"reason": code})
