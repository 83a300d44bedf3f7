# METADATA
# title: Sensitive data requires a SecNumCloud-qualified offer in France
# description: |
#   Data of particular sensitivity (and Diffusion Restreinte data) must be hosted on the State's
#   internal cloud or on a commercial offer qualified SecNumCloud by ANSSI (data in the EU, immune to
#   non-EU law). Qualification is per offer, not per provider or region, and a visa lasts three years:
#   an offer in process, unverified or past its term does not count. "In France" is this tool's own,
#   stricter requirement, and the message says so.
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
#   last_reviewed: "2026-11-24"
#   basis:
#     en: "\"Cloud au centre\" doctrine, circulaire n°6404/SG of 31 May 2023, rule R9; loi SREN n°2024-449 of 21 May 2024, art. 31 (SecNumCloud: EU location and immunity from non-EU law); IGI 1300 / II 901 for Diffusion Restreinte. Requiring France, not only the EU, is this tool's choice."
#     fr: "Doctrine « Cloud au centre », circulaire n°6404/SG du 31 mai 2023, règle R9 ; loi SREN n°2024-449 du 21 mai 2024, art. 31 (SecNumCloud : localisation dans l'UE et immunité aux droits extra-européens) ; IGI 1300 / II 901 pour la Diffusion Restreinte. Exiger la France, et pas seulement l'UE, est le choix de cet outil."
#   fix:
#     en: "Host it on the State's internal cloud or on a SecNumCloud-qualified offer within its term, in France (for example S3NS PREMI3NS in u-france-east1, or an offer you confirmed on ANSSI's list and recorded in the configuration's catalog with its source), or record a documented, expiring exemption."
#     fr: "Hébergez-la sur le cloud interne de l'État ou sur une offre qualifiée SecNumCloud dont la qualification est en cours de validité, en France (par exemple S3NS PREMI3NS en u-france-east1, ou une offre que vous avez vérifiée sur la liste de l'ANSSI et inscrite dans le catalogue de la configuration avec sa source), ou enregistrez une dérogation documentée et datée."
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

not_in_france(p) := [{
	"en": "it is not in France, which this tool requires (the circulaire and SREN art. 31 ask for SecNumCloud, which keeps data in the EU: France is this tool's stricter choice)",
	"fr": "elle n'est pas en France, ce que cet outil exige (la circulaire et la loi SREN, art. 31, demandent SecNumCloud, qui garde les données dans l'UE : la France est le choix plus strict de cet outil)",
}] if p.in_france == "no"

else := []
