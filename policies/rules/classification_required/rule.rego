# METADATA
# title: Data-bearing resources carry a classification
# description: |
#   A resource that holds data (or may: unknown counts as yes) must say what data it holds through a
#   classification tag, so that the other rules can judge it. A classification value that names no
#   known class is always a mandatory finding: a misspelt "sensitve" must not pass as unclassified.
# related_resources:
#   - description: Doctrine « Cloud au centre » (DINUM)
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   enforcement: advisory
#   classes: []
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "The doctrine's rules apply by class of data; an unclassified resource cannot be checked."
#     fr: "Les règles de la doctrine s'appliquent par classe de données ; une ressource non classifiée ne peut être vérifiée."
#   fix:
#     en: "Add a classification tag (by default data-classification) with one or more of public, internal, personal, health, sensitive, restricted, classified, archive, definitive-archive (or a French synonym), map your own marks to them with classAliases, or set a default classification in the configuration or the stack tags."
#     fr: "Ajoutez une étiquette de classification (par défaut data-classification) avec une ou plusieurs valeurs parmi public, internal, personal, health, sensitive, restricted, classified, archive, definitive-archive (ou un synonyme français), associez vos propres mentions à ces classes avec classAliases, ou fixez une classification par défaut dans la configuration ou les tags de la stack."
#   frameworks: [Souverain]
package souverain.rules.classification_required

import data.souverain.lib.classes
import data.souverain.lib.describe
import data.souverain.lib.resources
import data.souverain.lib.settings

findings contains {"index": i, "key": "", "message": {
	"en": concat("", [describe.label(v.resource), ": ", v.resource.type, " holds data but carries no classification (tag keys: ", keys, ")."]),
	"fr": concat("", [describe.label(v.resource), " : ", v.resource.type, " contient des données mais ne porte aucune classification (clés d'étiquette : ", keys, ")."]),
}} if {
	some i, v in resources.view
	count(v.classification.classes) == 0
	count(v.classification.unrecognized) == 0
	not v.resource.holdsData == false
	not resources.opaque(v.resource)
	keys := concat(", ", settings.classification_tag_keys)
}

findings contains {"index": i, "key": value, "level": "mandatory", "message": unrecognized_words(describe.label(v.resource), value)} if {
	some i, v in resources.view
	some value in v.classification.unrecognized
}

unrecognized_words(label, value) := {
	"en": concat("", [label, ": the classification value '", value, "' is ambiguous: its meaning depends on your organisation's scheme, so it is treated as unproven; map it to a class with classAliases in the configuration."]),
	"fr": concat("", [label, " : la valeur de classification '", value, "' est ambiguë : son sens dépend du référentiel de votre organisation, elle est donc traitée comme non prouvée ; associez-la à une classe avec classAliases dans la configuration."]),
} if {
	value in classes.ambiguous
} else := {
	"en": concat("", [label, ": the classification value '", value, "' names no known class; it is treated as unproven, not as unclassified (a typo, or your own mark: map it to a class with classAliases in the configuration)."]),
	"fr": concat("", [label, " : la valeur de classification '", value, "' ne correspond à aucune classe connue ; elle est traitée comme non prouvée, pas comme une absence de classification (faute de frappe, ou mention propre : associez-la à une classe avec classAliases dans la configuration)."]),
}
