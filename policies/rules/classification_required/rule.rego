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
#   basis:
#     en: "The doctrine's rules apply by class of data; an unclassified resource cannot be checked."
#     fr: "Les règles de la doctrine s'appliquent par classe de données ; une ressource non classifiée ne peut être vérifiée."
#   fix:
#     en: "Add a classification tag (by default data-classification) with one or more of public, internal, personal, health, sensitive, restricted, archive, or set a default classification in the configuration or the stack tags."
#     fr: "Ajoutez une étiquette de classification (par défaut data-classification) avec une ou plusieurs valeurs parmi public, internal, personal, health, sensitive, restricted, archive, ou fixez une classification par défaut dans la configuration ou les tags de la stack."
#   frameworks: [Souverain]
package souverain.rules.classification_required

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

findings contains {"index": i, "key": value, "level": "mandatory", "message": {
	"en": concat("", [describe.label(v.resource), ": the classification value '", value, "' names no known class; it is treated as unproven, not as unclassified."]),
	"fr": concat("", [describe.label(v.resource), " : la valeur de classification '", value, "' ne correspond à aucune classe connue ; elle est traitée comme non prouvée, pas comme une absence de classification."]),
}} if {
	some i, v in resources.view
	some value in v.classification.unrecognized
}
