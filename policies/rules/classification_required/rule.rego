# METADATA
# title: Data-bearing resources carry a classification
# description: |
#   A resource that holds data (or may: unknown counts as yes) must say what data it holds through a
#   classification tag, so that the other rules can judge it. A classification value that names no
#   known class is always a mandatory finding: a misspelt "sensitve" must not pass as unclassified.
# related_resources:
#   - description: "Doctrine «\u00a0Cloud au centre\u00a0» (DINUM)"
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   description_fr: "Une ressource qui contient des données (ou peut en contenir\u00a0: dans le doute, elle est réputée en contenir) doit indiquer quelles données elle contient, par une étiquette de classification, pour que les autres règles puissent la juger. Une valeur de classification qui ne désigne aucune classe connue est toujours un constat bloquant\u00a0: une faute de frappe comme «\u00a0sensitve\u00a0» ne doit pas passer pour une absence de classification."
#   title_fr: "Les ressources qui contiennent des données portent une classification"
#   enforcement: advisory
#   classes: []
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "The doctrine's rules apply by class of data; an unclassified resource cannot be checked."
#     fr: "Les règles de la doctrine s'appliquent par classe de données\u00a0; une ressource sans classification ne peut être vérifiée."
#   fix:
#     en: "Add a classification tag (by default data-classification) with one or more of public, internal, personal, health, sensitive, restricted, classified, archive, definitive-archive (or a French synonym), map your own marks to them with classAliases, or set a default classification in the configuration or the stack tags."
#     fr: "Ajoutez une étiquette de classification (par défaut data-classification) avec une ou plusieurs valeurs parmi public, internal, personal, health, sensitive, restricted, classified, archive et definitive-archive (ou un synonyme français), associez vos propres mentions à ces classes avec classAliases, ou fixez une classification par défaut dans la configuration ou dans les étiquettes (tags) de la stack."
#   frameworks: [Souverain]
package souverain.rules.classification_required

import data.souverain.lib.classes
import data.souverain.lib.describe
import data.souverain.lib.resources
import data.souverain.lib.settings

findings contains {"index": i, "key": "", "message": describe.said("classification.missing", {
	"resource": describe.label(v.resource), "type": v.resource.type, "keys": keys,
})} if {
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

# What the front doors put in a tag they could not read (src/terraform/providers.ts, src/pulumi/read.ts),
# as the rules spell it.
unrecognized_words(label, value) := {lang: text |
	some lang in describe.langs
	text := describe.fill(describe.word(lang, "classification.unreadable"), {"resource": label, "why": data.words[lang].unreadable[value]})
} if {
	data.words.en.unreadable[value]
} else := describe.said("classification.ambiguous", {"resource": label, "value": value}) if {
	value in classes.ambiguous
} else := describe.said("classification.unknown", {"resource": label, "value": value})
