# METADATA
# title: Health data requires a certified HDS host in the EEA
# description: |
#   Personal health data must be hosted by a host certified HDS (Hébergeur de Données de Santé) for
#   the activity; since the 2024 référentiel the data must be stored in the European Economic Area.
#   Certification is per legal entity: a host not on the ANS list is not certified.
# related_resources:
#   - description: Code de la santé publique, article L1111-8 (Légifrance)
#     ref: https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006072665
#   - description: "ANS, certification HDS (référentiel du 26 avril 2024, liste des hébergeurs certifiés)"
#     ref: https://esante.gouv.fr/produits-services/hds
# custom:
#   description_fr: "Les données de santé à caractère personnel doivent être hébergées par un hébergeur certifié HDS (hébergeur de données de santé) pour l'activité concernée\u00a0; depuis le référentiel de 2024, elles doivent être stockées dans l'Espace économique européen. La certification est accordée par entité juridique\u00a0: un hébergeur absent de la liste de l'ANS n'est pas certifié."
#   title_fr: "Les données de santé exigent un hébergeur certifié HDS dans l'EEE"
#   enforcement: mandatory
#   classes: [health]
#   last_reviewed: "2026-11-23"
#   basis:
#     en: "Code de la santé publique L1111-8; arrêté of 26 April 2024 (HDS référentiel, storage in the EEA)"
#     fr: "Code de la santé publique, art. L1111-8\u00a0; arrêté du 26 avril 2024 (référentiel HDS, stockage dans l'EEE)."
#   fix:
#     en: "Host it with a provider certified HDS on the ANS list, in the EEA (for example OVHcloud, Cloud Temple, or Azure or Google Cloud in France), or record a documented, expiring exemption."
#     fr: "Hébergez les données chez un hébergeur certifié HDS figurant sur la liste de l'ANS, dans l'EEE (par exemple OVHcloud, Cloud Temple, ou Azure ou Google Cloud en France), ou enregistrez une dérogation documentée et limitée dans le temps."
#   frameworks: [HDS 2024, Code de la santé publique]
package souverain.rules.health_requires_hds

import data.souverain.lib.describe
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, {"health"}, problems)} if {
	some i, v in resources.view
	"health" in v.classification.classes
	some n, p in v.placements
	problems := array.concat(not_certified(p), outside_eea(p))
	count(problems) > 0
}

not_certified(p) := [describe.with_offers("hds.not-certified", p, "hds")] if p.hds == "no"

else := []

outside_eea(p) := [describe.said("hds.outside-eea", {})] if p.in_eea == "no"

else := []
