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
#   - description: "Règlement (UE) 2018/1807 du 14 novembre 2018 établissant un cadre applicable au libre flux des données à caractère non personnel dans l'Union européenne (après lequel la note de 2016 a été retirée)"
#     ref: https://eur-lex.europa.eu/eli/reg/2018/1807/oj
# custom:
#   description_fr: "Les archives publiques définitives et historiques (celles sélectionnées en application des articles L212-2 et L212-3, et celles classées comme archives historiques) sont des «\u00a0trésors nationaux\u00a0» (Code du patrimoine, art. L111-1, 2°)\u00a0: elles ne peuvent quitter le territoire français sans autorisation (art. L111-2 et L111-7). Les autres archives publiques (courantes et intermédiaires) ne sont pas des trésors nationaux\u00a0; les garder en France chez un fournisseur de droit français est la politique de cette organisation, fondée sur la note DGP/SIAF/2016/006 (retirée en 2019) et sur le régime du tiers-archivage, qui exige un agrément et garde les archives sur le territoire national (art. L212-4 et R212-23). Un fournisseur de droit français est exigé, par cette politique, pour les unes comme pour les autres. Avec archivesRequireSecnumcloud, une offre qualifiée SecNumCloud est exigée en plus."
#   title_fr: "Les archives publiques restent en France, chez un fournisseur de droit français"
#   enforcement: mandatory
#   classes: [archive, definitive-archive]
#   last_reviewed: "2026-11-24"
#   basis:
#     en: "Code du patrimoine L211-4 (public archives); L111-1 2° (version of 12 October 2024): definitive and historical archives are \"trésors nationaux\", which may not leave the territory without authorisation (L111-2, L111-7). For other public archives, France and a provider under French law are this organisation's policy, rooted in note DGP/SIAF/2016/006 of 5 April 2016 (withdrawn in 2019) and the third-party archiving regime (approval, national territory: L212-4, R212-23)."
#     fr: "Code du patrimoine, art. L211-4 (archives publiques)\u00a0; art. L111-1, 2° (version du 12 octobre 2024)\u00a0: les archives définitives et historiques sont des «\u00a0trésors nationaux\u00a0», qui ne peuvent quitter le territoire sans autorisation (art. L111-2 et L111-7). Pour les autres archives publiques, exiger la France et un fournisseur de droit français relève de la politique de cette organisation, fondée sur la note DGP/SIAF/2016/006 du 5 avril 2016 (retirée en 2019) et sur le régime du tiers-archivage (agrément, territoire national\u00a0: art. L212-4 et R212-23)."
#   fix:
#     en: "Host it in a French region of a provider under French law (for example OVHcloud GRA/SBG/RBX or eu-west-par, Scaleway fr-par, 3DS Outscale, Cloud Temple); for definitive or historical archives, keep them on French territory unless an export authorisation exists; or record a documented, expiring exemption for what is this organisation's policy."
#     fr: "Hébergez les archives dans une région française d'un fournisseur de droit français (par exemple OVHcloud GRA, SBG, RBX ou eu-west-par, Scaleway fr-par, 3DS Outscale, Cloud Temple)\u00a0; gardez les archives définitives ou historiques sur le territoire français, sauf autorisation d'exportation\u00a0; ou, pour ce qui relève de la politique de cette organisation, enregistrez une dérogation documentée et limitée dans le temps."
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
not_in_france(p, held) := [describe.said("archives.definitive-not-in-france", {})] if {
	p.in_france == "no"
	"definitive-archive" in held
} else := [describe.said("archives.not-in-france", {})] if {
	p.in_france == "no"
} else := []

not_french_law(p) := [describe.with_jurisdiction("archives.not-french-law", location.jurisdiction(p))] if p.french_law == "no"

else := []

not_qualified(p) := [describe.with_offers("archives.not-qualified", p, "secnumcloud")] if {
	settings.archives_require_secnumcloud == true
	p.secnumcloud == "no"
} else := []
