# METADATA
# title: Sensitive data requires a SecNumCloud-qualified offer in France
# description: |
#   Data of particular sensitivity (and Diffusion Restreinte data) must be hosted on the State's
#   internal cloud or on a commercial offer qualified SecNumCloud by ANSSI, in France. Qualification
#   is per offer, not per provider or region: an offer in process or unverified does not count.
# related_resources:
#   - description: Circulaire n°6404/SG du 31 mai 2023 (doctrine « Cloud au centre »)
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
#   - description: Loi n°2024-449 du 21 mai 2024 (SREN), article 31
#     ref: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049563368
#   - description: ANSSI, produits et services qualifiés SecNumCloud
#     ref: https://cyber.gouv.fr/produits-services-qualifies
# custom:
#   enforcement: mandatory
#   classes: [sensitive, restricted]
#   basis:
#     en: "\"Cloud au centre\" doctrine, circulaire n°6404/SG of 31 May 2023, rule R9; loi SREN n°2024-449 of 21 May 2024, art. 31; IGI 1300 / II 901 for Diffusion Restreinte"
#     fr: "Doctrine « Cloud au centre », circulaire n°6404/SG du 31 mai 2023, règle R9 ; loi SREN n°2024-449 du 21 mai 2024, art. 31 ; IGI 1300 / II 901 pour la Diffusion Restreinte"
#   fix:
#     en: "Host it on the State's internal cloud or on a SecNumCloud-qualified offer in France (for example S3NS PREMI3NS in u-france-east1, 3DS Outscale in cloudgouv-eu-west-1, Cloud Temple Secure Temple), or record a documented, expiring exemption."
#     fr: "Hébergez-la sur le cloud interne de l'État ou sur une offre qualifiée SecNumCloud en France (par exemple S3NS PREMI3NS en u-france-east1, 3DS Outscale en cloudgouv-eu-west-1, Cloud Temple Secure Temple), ou enregistrez une dérogation documentée et datée."
#   frameworks: [Cloud au centre, SREN art. 31, SecNumCloud 3.2]
package souverain.rules.sensitive_requires_secnumcloud

import data.souverain.lib.describe
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, held, problems)} if {
	some i, v in resources.view
	held := v.classification.classes & {"sensitive", "restricted"}
	count(held) > 0
	some n, p in v.placements
	problems := array.concat(not_qualified(p), not_in_france(p))
	count(problems) > 0
}

not_qualified(p) := [{
	"en": concat("", ["no SecNumCloud-qualified offer covers it", describe.status_note(p, "secnumcloud")]),
	"fr": concat("", ["aucune offre qualifiée SecNumCloud ne la couvre", describe.status_note(p, "secnumcloud")]),
}] if p.secnumcloud == "no"

else := []

not_in_france(p) := [{"en": "it is not in France", "fr": "elle n'est pas en France"}] if p.in_france == "no"

else := []
