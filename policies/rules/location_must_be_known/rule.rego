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
#   - description: Doctrine « Cloud au centre » (DINUM)
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   enforcement: mandatory
#   classes: [personal, health, sensitive, restricted, classified, archive, definitive-archive]
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "The requirements of the data's classes (see the other rules) can only be checked where the location is known."
#     fr: "Les exigences liées aux classes de la donnée (voir les autres règles) ne peuvent être vérifiées que si sa localisation est connue."
#   fix:
#     en: "Set an explicit region from the catalog on the resource or its provider, declare a private cloud or missing region in the configuration's catalog, move the data off global services, or judge the Terraform plan (terraform show -json) rather than a cdk.tf.json that calls modules."
#     fr: "Indiquez une région explicite du catalogue sur la ressource ou son provider, déclarez un cloud privé ou une région manquante dans le catalogue de la configuration, sortez la donnée des services globaux, ou faites vérifier le plan Terraform (terraform show -json) plutôt qu'un cdk.tf.json qui appelle des modules."
#   frameworks: [Souverain]
package souverain.rules.location_must_be_known

import data.souverain.lib.classes
import data.souverain.lib.describe
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, held, [reason(p.reason)])} if {
	some i, v in resources.view
	held := v.classification.classes & classes.located
	count(held) > 0
	not resources.opaque(v.resource)
	some n, p in v.placements
	not p.known
}

# Whatever its classes: what a module creates cannot be judged from its call.
findings contains {"index": i, "key": "opaque", "level": "mandatory", "message": {
	"en": concat("", [describe.label(v.resource), ": ", w.en, "."]),
	"fr": concat("", [describe.label(v.resource), " : ", w.fr, "."]),
}} if {
	some i, v in resources.view
	resources.opaque(v.resource)
	w := opaque_words(v.resource.opaque)
}

opaque_words(kind) := object.get(
	{"module": {
		"en": "a module call, whose resources are not visible in this input: neither their data nor their location can be established; judge the Terraform plan instead (terraform plan, then terraform show -json)",
		"fr": "appel de module dont les ressources ne sont pas visibles dans cette entrée : ni leurs données ni leur localisation ne peuvent être établies ; faites plutôt vérifier le plan Terraform (terraform plan, puis terraform show -json)",
	}},
	kind,
	{
		"en": concat("", ["its contents are not visible in this input (", kind, "): neither their data nor their location can be established"]),
		"fr": concat("", ["son contenu n'est pas visible dans cette entrée (", kind, ") : ni ses données ni sa localisation ne peuvent être établies"]),
	},
)

reasons := {
	"no-cloud": {
		"en": "its location cannot be established because no cloud is stated",
		"fr": "sa localisation ne peut être établie car aucun cloud n'est indiqué",
	},
	"unknown-cloud": {
		"en": "its location cannot be established because this cloud is not in the catalog; declare it under catalog.providers in the configuration",
		"fr": "sa localisation ne peut être établie car ce cloud est absent du catalogue ; déclarez-le sous catalog.providers dans la configuration",
	},
	"retired-cloud": {
		"en": "this cloud has closed and none of its offers can hold data any more",
		"fr": "ce cloud a fermé et aucune de ses offres ne peut plus héberger de données",
	},
	"global-service": {
		"en": "a global service has no single location and copies data to points of presence worldwide",
		"fr": "un service global n'a pas de localisation unique et copie les données vers des points de présence dans le monde entier",
	},
	"no-region": {
		"en": "its region is not known (not set, or unknown until apply): set an explicit region",
		"fr": "sa région n'est pas connue (non renseignée, ou inconnue avant l'application) : indiquez une région explicite",
	},
	"unknown-region": {
		"en": "this region is not in the catalog for this cloud (a typo, or a region to declare in the configuration)",
		"fr": "cette région est absente du catalogue pour ce cloud (faute de frappe, ou région à déclarer dans la configuration)",
	},
	"zone-outside-region": {
		"en": "its zone does not belong to its region",
		"fr": "sa zone n'appartient pas à sa région",
	},
}

# A reason without words still makes a finding.
reason(code) := object.get(reasons, code, {
	"en": concat("", ["its location cannot be established (", code, ")"]),
	"fr": concat("", ["sa localisation ne peut être établie (", code, ")"]),
})
