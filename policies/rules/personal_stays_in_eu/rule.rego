# METADATA
# title: Personal data stays in the EU/EEA
# description: |
#   Personal data must be stored in the EU or EEA. GDPR chapter V allows transfers with safeguards:
#   keeping the data in the EU is this policy's choice, stricter than GDPR, in line with the 2023
#   circulaire's demand for immunity from third-country authorities. A provider subject to non-EU
#   law gets an advisory finding even in an EU region.
# related_resources:
#   - description: Regulation (EU) 2016/679 (GDPR), chapter V
#     ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#   - description: Doctrine « Cloud au centre » (DINUM)
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   enforcement: mandatory
#   classes: [personal]
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "GDPR chapter V (transfers); circulaire n°6404/SG of 31 May 2023 (immunity from non-EU authorities). Keeping personal data in the EU is stricter than GDPR and is this policy's choice."
#     fr: "RGPD, chapitre V (transferts) ; circulaire n°6404/SG du 31 mai 2023 (immunité aux autorités extra-européennes). Garder les données personnelles dans l'UE va au-delà du RGPD : c'est le choix de cette politique."
#   fix:
#     en: "Host it in an EU or EEA region; to remove the non-EU law exposure, choose a provider under EU law (for example OVHcloud, Scaleway, 3DS Outscale, S3NS)."
#     fr: "Hébergez-la dans une région de l'UE ou de l'EEE ; pour supprimer l'exposition au droit extra-européen, choisissez un fournisseur de droit européen (par exemple OVHcloud, Scaleway, 3DS Outscale, S3NS)."
#   frameworks: [GDPR, Cloud au centre]
package souverain.rules.personal_stays_in_eu

import data.souverain.lib.catalog
import data.souverain.lib.describe
import data.souverain.lib.location
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, {"personal"}, [{
	"en": "it is outside the EU/EEA (keeping personal data in the EU is this policy's choice, stricter than GDPR chapter V)",
	"fr": "elle est hors de l'UE/EEE (garder les données personnelles dans l'UE est le choix de cette politique, au-delà du chapitre V du RGPD)",
}])} if {
	some i, v in resources.view
	"personal" in v.classification.classes
	some n, p in v.placements
	p.in_eea == "no"
}

# Exposure to non-EU law is a warning, whatever level the rule has (never with the finding above).
findings contains {"index": i, "key": n, "level": "advisory", "message": describe.finding(v, p, {"personal"}, [{
	"en": concat("", ["the provider is subject to non-EU law (jurisdiction: ", law, "), which can reach the data wherever it is stored"]),
	"fr": concat("", ["le fournisseur est soumis à un droit extra-européen (juridiction : ", law, "), qui peut atteindre les données où qu'elles soient"]),
}])} if {
	some i, v in resources.view
	"personal" in v.classification.classes
	some n, p in v.placements
	p.in_eea != "no"
	law := location.jurisdiction(p)
	not catalog.countries[law].eu
}
