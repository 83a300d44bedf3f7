# METADATA
# title: Sensitive data requires a SecNumCloud-qualified offer in France
# description: |
#   Data of particular sensitivity (and Diffusion Restreinte data) must be hosted on the State's
#   internal cloud or on a commercial offer qualified SecNumCloud by ANSSI (data in the EU, immune to
#   non-EU law). Qualification is per offer, not per provider or region, and a visa lasts three years:
#   an offer in process, unverified or past its term does not count. "In France" is this tool's own,
#   stricter requirement, and the message says so.
# related_resources:
#   - description: "Circulaire n°\u00a06404/SG du 31 mai 2023 (doctrine «\u00a0Cloud au centre\u00a0»)"
#     ref: https://www.numerique.gouv.fr/services/cloud/doctrine/
#   - description: "Loi n°\u00a02024-449 du 21 mai 2024 visant à sécuriser et à réguler l'espace numérique (SREN), article 31"
#     ref: https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049563368
#   - description: ANSSI, produits et services qualifiés SecNumCloud
#     ref: https://cyber.gouv.fr/produits-services-qualifies
# custom:
#   description_fr: "Les données d'une sensibilité particulière (et les données Diffusion Restreinte) doivent être hébergées sur le cloud interne de l'État ou sur une offre commerciale qualifiée SecNumCloud par l'ANSSI (données dans l'UE, immunité au regard des droits extra-européens). La qualification est accordée offre par offre, et non par fournisseur ou par région, et un visa de sécurité est valable trois ans\u00a0: une offre en cours de qualification, non vérifiée ou arrivée à échéance ne compte pas. L'exigence «\u00a0en France\u00a0», plus stricte que les textes, est propre à cet outil\u00a0; le constat le précise."
#   title_fr: "Les données sensibles exigent une offre qualifiée SecNumCloud en France"
#   enforcement: mandatory
#   classes: [sensitive, restricted]
#   last_reviewed: "2026-11-24"
#   basis:
#     en: "\"Cloud au centre\" doctrine, circulaire n°6404/SG of 31 May 2023, rule R9; loi SREN n°2024-449 of 21 May 2024, art. 31 (SecNumCloud: EU location and immunity from non-EU law); IGI 1300 / II 901 for Diffusion Restreinte. Requiring France, not only the EU, is this tool's choice."
#     fr: "Doctrine «\u00a0Cloud au centre\u00a0», circulaire n°\u00a06404/SG du 31 mai 2023, règle R9\u00a0; loi n°\u00a02024-449 du 21 mai 2024 visant à sécuriser et à réguler l'espace numérique (SREN), art. 31 (SecNumCloud\u00a0: localisation dans l'UE et immunité au regard des droits extra-européens)\u00a0; IGI 1300 et II 901 pour la Diffusion Restreinte. Exiger la France, et pas seulement l'UE, est le choix de cet outil."
#   fix:
#     en: "Host it on the State's internal cloud or on a SecNumCloud-qualified offer within its term, in France (for example S3NS PREMI3NS in u-france-east1, or an offer you confirmed on ANSSI's list and recorded in the configuration's catalog with its source), or record a documented, expiring exemption."
#     fr: "Hébergez les données sur le cloud interne de l'État ou sur une offre qualifiée SecNumCloud dont la qualification est en cours de validité, en France (par exemple S3NS PREMI3NS en u-france-east1, ou une offre que vous avez vérifiée sur la liste de l'ANSSI et inscrite avec sa source dans le catalogue de la configuration), ou enregistrez une dérogation documentée et limitée dans le temps."
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

not_qualified(p) := [describe.with_offers("secnumcloud.not-qualified", p, "secnumcloud")] if p.secnumcloud == "no"

else := []

not_in_france(p) := [describe.said("secnumcloud.not-in-france", {})] if p.in_france == "no"

else := []
