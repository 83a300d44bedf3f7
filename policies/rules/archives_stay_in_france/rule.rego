# METADATA
# title: Public archives stay in France, with a provider under French law
# description: |
#   Definitive and historical public archives (those selected under L212-2 and L212-3, and those classed
#   historical) are "trésors nationaux" (Code du patrimoine L111-1 2°): they may not leave French territory
#   without authorisation (L111-2, L111-7). Other public archives (current and intermediate) are not
#   trésors nationaux; keeping them in France with a provider under French law is this organisation's
#   policy, rooted in note DGP/SIAF/2016/006 (withdrawn in 2019) and in the third-party archiving regime,
#   which requires an approval and keeps archives on national territory (L212-4, R212-23). A provider under
#   French law is this policy for both. With archivesRequireSecnumcloud, a SecNumCloud-qualified offer is
#   required too.
# related_resources:
#   - description: Code du patrimoine, articles L111-1, L111-2, L111-7, L211-4, L212-2, L212-3, L212-4 (Légifrance)
#     ref: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006074236
#   - description: Code du patrimoine, article R212-23, agrément des tiers-archiveurs (Légifrance)
#     ref: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006074236
#   - description: Regulation (EU) 2018/1807, free flow of non-personal data (after which the 2016 note was withdrawn)
#     ref: https://eur-lex.europa.eu/eli/reg/2018/1807/oj
# custom:
#   enforcement: mandatory
#   classes: [archive, definitive-archive]
#   last_reviewed: "2026-11-24"
#   basis:
#     en: "Code du patrimoine L211-4 (public archives); L111-1 2° (version of 12 October 2024): definitive and historical archives are \"trésors nationaux\", which may not leave the territory without authorisation (L111-2, L111-7). For other public archives, France and a provider under French law are this organisation's policy, rooted in note DGP/SIAF/2016/006 of 5 April 2016 (withdrawn in 2019) and the third-party archiving regime (approval, national territory: L212-4, R212-23)."
#     fr: "Code du patrimoine, article L211-4 (archives publiques) ; article L111-1 2° (version du 12 octobre 2024) : les archives définitives et historiques sont des « trésors nationaux », qui ne peuvent quitter le territoire sans autorisation (L111-2, L111-7). Pour les autres archives publiques, la France et un fournisseur de droit français sont la politique de cette organisation, fondée sur la note DGP/SIAF/2016/006 du 5 avril 2016 (retirée en 2019) et sur le régime du tiers-archivage (agrément, territoire national : L212-4, R212-23)."
#   fix:
#     en: "Host it in a French region of a provider under French law (for example OVHcloud GRA/SBG/RBX or eu-west-par, Scaleway fr-par, 3DS Outscale, Cloud Temple); for definitive or historical archives, keep them on French territory unless an export authorisation exists; or record a documented, expiring exemption for what is this organisation's policy."
#     fr: "Hébergez-la dans une région française d'un fournisseur de droit français (par exemple OVHcloud GRA/SBG/RBX ou eu-west-par, Scaleway fr-par, 3DS Outscale, Cloud Temple) ; pour des archives définitives ou historiques, gardez-les sur le territoire français sauf autorisation d'exportation ; ou enregistrez une dérogation documentée et datée pour ce qui relève de la politique de cette organisation."
#   frameworks: [Code du patrimoine, SIAF]
package souverain.rules.archives_stay_in_france

import data.souverain.lib.describe
import data.souverain.lib.location
import data.souverain.lib.resources
import data.souverain.lib.settings

findings contains {"index": i, "key": n, "message": describe.finding(v, p, held, problems)} if {
	some i, v in resources.view
	held := v.classification.classes & {"archive", "definitive-archive"}
	count(held) > 0
	some n, p in v.placements
	problems := array.concat(array.concat(not_in_france(p, held), not_french_law(p)), not_qualified(p))
	count(problems) > 0
}

# Definitive and historical archives are trésors nationaux: the law keeps them on French territory.
not_in_france(p, held) := [{
	"en": "it is not on French territory, which definitive and historical archives, trésors nationaux, may not leave without authorisation (Code du patrimoine L111-1 2°, L111-2)",
	"fr": "elle n'est pas sur le territoire français, que les archives définitives et historiques, trésors nationaux, ne peuvent quitter sans autorisation (Code du patrimoine, L111-1 2°, L111-2)",
}] if {
	p.in_france == "no"
	"definitive-archive" in held
} else := [{
	"en": "it is not on French territory, which this organisation's policy requires for public archives (rooted in note DGP/SIAF/2016/006 and the third-party archiving regime, L212-4)",
	"fr": "elle n'est pas sur le territoire français, ce que la politique de cette organisation exige pour les archives publiques (fondée sur la note DGP/SIAF/2016/006 et le régime du tiers-archivage, L212-4)",
}] if {
	p.in_france == "no"
} else := []

not_french_law(p) := [{
	"en": concat("", ["the provider is not under French law (jurisdiction: ", location.jurisdiction(p), "), which this organisation's policy requires for public archives"]),
	"fr": concat("", ["le fournisseur ne relève pas du droit français (juridiction : ", location.jurisdiction(p), "), ce que la politique de cette organisation exige pour les archives publiques"]),
}] if p.french_law == "no"

else := []

not_qualified(p) := [{
	"en": concat("", ["no SecNumCloud-qualified offer covers it, which this configuration requires for archives", describe.status_note(p, "secnumcloud")]),
	"fr": concat("", ["aucune offre qualifiée SecNumCloud ne la couvre, ce que cette configuration exige pour les archives", describe.status_note(p, "secnumcloud")]),
}] if {
	settings.archives_require_secnumcloud == true
	p.secnumcloud == "no"
} else := []
