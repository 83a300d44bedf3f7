# METADATA
# title: Personal data stays in the EU/EEA
# description: |
#   Personal data must be stored in the EU or EEA. GDPR chapter V allows transfers with safeguards:
#   keeping the data in the EU is this policy's choice, stricter than GDPR, in line with the 2023
#   circulaire's demand for immunity from third-country authorities. A provider subject to non-EU
#   law gets an advisory finding even in an EU region.
# related_resources:
#   - description: "Règlement (UE) 2016/679 (RGPD), chapitre V"
#     ref: https://eur-lex.europa.eu/eli/reg/2016/679/oj
#   - description: "Doctrine «\u00a0Cloud au centre\u00a0» (DINUM)"
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
# custom:
#   description_fr: "Les données personnelles doivent être stockées dans l'UE ou l'EEE. Le chapitre V du RGPD autorise les transferts assortis de garanties\u00a0: garder les données dans l'UE est le choix de cette politique, plus strict que le RGPD, conformément à l'exigence d'immunité au regard des droits extra-européens posée par la circulaire de 2023. Un fournisseur soumis à un droit extra-européen fait l'objet d'un avertissement, même dans une région de l'UE."
#   title_fr: "Les données personnelles restent dans l'UE ou l'EEE"
#   enforcement: mandatory
#   classes: [personal]
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "GDPR chapter V (transfers); circulaire n°6404/SG of 31 May 2023 (immunity from non-EU authorities). Keeping personal data in the EU is stricter than GDPR and is this policy's choice."
#     fr: "Règlement (UE) 2016/679 (RGPD), chapitre V (transferts)\u00a0; circulaire n°\u00a06404/SG du 31 mai 2023 (immunité au regard des droits extra-européens). Garder les données personnelles dans l'UE va au-delà du RGPD\u00a0: c'est le choix de cette politique."
#   fix:
#     en: "Host it in an EU or EEA region; to remove the non-EU law exposure, choose a provider under EU law (for example OVHcloud, Scaleway, 3DS Outscale, S3NS)."
#     fr: "Hébergez les données dans une région de l'UE ou de l'EEE\u00a0; pour supprimer l'exposition au droit extra-européen, choisissez un fournisseur de droit européen (par exemple OVHcloud, Scaleway, 3DS Outscale, S3NS)."
#   frameworks: [RGPD, Cloud au centre]
package souverain.rules.personal_stays_in_eu

import data.souverain.lib.catalog
import data.souverain.lib.describe
import data.souverain.lib.location
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, {"personal"}, [describe.said("personal.outside-eea", {})])} if {
	some i, v in resources.view
	"personal" in v.classification.classes
	some n, p in v.placements
	p.in_eea == "no"
}

# Exposure to non-EU law is a warning, whatever level the rule has (never with the finding above).
findings contains {"index": i, "key": n, "level": "advisory", "message": describe.finding(v, p, {"personal"}, [describe.with_jurisdiction("personal.non-eu-law", law)])} if {
	some i, v in resources.view
	"personal" in v.classification.classes
	some n, p in v.placements
	p.in_eea != "no"
	law := location.jurisdiction(p)
	not catalog.countries[law].eu
}
