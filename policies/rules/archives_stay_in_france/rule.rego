# METADATA
# title: Public archives stay in France, with a provider under French law
# description: |
#   Public archives are "trésors nationaux": they may not leave French territory, and bodies that
#   produce them may not use a cloud that is not sovereign (French territory, French law). With the
#   configuration switch archivesRequireSecnumcloud, a SecNumCloud-qualified offer is required too.
# related_resources:
#   - description: Code du patrimoine, articles L111-1 et L211-4 (Légifrance)
#     ref: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006074236
#   - description: FranceArchives, note DGP/SIAF/2016/006 du 5 avril 2016 (informatique en nuage)
#     ref: https://francearchives.gouv.fr/
# custom:
#   enforcement: mandatory
#   classes: [archive]
#   basis:
#     en: "Code du patrimoine L211-4 and L111-1 (public archives are \"trésors nationaux\"); note DGP/SIAF/2016/006 of 5 April 2016"
#     fr: "Code du patrimoine, articles L211-4 et L111-1 (les archives publiques sont des « trésors nationaux ») ; note DGP/SIAF/2016/006 du 5 avril 2016"
#   fix:
#     en: "Host it in a French region of a provider under French law (for example OVHcloud GRA/SBG/RBX or eu-west-par, Scaleway fr-par, 3DS Outscale, Cloud Temple), or record a documented, expiring exemption."
#     fr: "Hébergez-la dans une région française d'un fournisseur de droit français (par exemple OVHcloud GRA/SBG/RBX ou eu-west-par, Scaleway fr-par, 3DS Outscale, Cloud Temple), ou enregistrez une dérogation documentée et datée."
#   frameworks: [Code du patrimoine, SIAF]
package souverain.rules.archives_stay_in_france

import data.souverain.lib.describe
import data.souverain.lib.location
import data.souverain.lib.resources
import data.souverain.lib.settings

findings contains {"index": i, "key": n, "message": describe.finding(v, p, {"archive"}, problems)} if {
	some i, v in resources.view
	"archive" in v.classification.classes
	some n, p in v.placements
	problems := array.concat(array.concat(not_in_france(p), not_french_law(p)), not_qualified(p))
	count(problems) > 0
}

not_in_france(p) := [{
	"en": "it is not on French territory",
	"fr": "elle n'est pas sur le territoire français",
}] if p.in_france == "no"

else := []

not_french_law(p) := [{
	"en": concat("", ["the provider is not under French law (jurisdiction: ", location.jurisdiction(p), ")"]),
	"fr": concat("", ["le fournisseur ne relève pas du droit français (juridiction : ", location.jurisdiction(p), ")"]),
}] if p.french_law == "no"

else := []

not_qualified(p) := [{
	"en": concat("", ["no SecNumCloud-qualified offer covers it, which this configuration requires for archives", describe.status_note(p, "secnumcloud")]),
	"fr": concat("", ["aucune offre qualifiée SecNumCloud ne la couvre, ce que cette configuration exige pour les archives", describe.status_note(p, "secnumcloud")]),
}] if {
	settings.archives_require_secnumcloud == true
	p.secnumcloud == "no"
} else := []
