# METADATA
# title: Classified information stays on a system homologated for it
# description: |
#   Information classified under IGI 1300 (2021: Secret, Très Secret; older marks Confidentiel Défense,
#   Secret Défense) is processed only on an information system homologated for its level, never on a
#   commercial cloud of the catalog, SecNumCloud-qualified or not. Souverain cannot know a homologation:
#   the configuration declares the system (a provider of its own under catalog.providers, with an offer
#   whose homologation status is "homologated" and the decision as its source).
# related_resources:
#   - description: "SGDSN, instruction générale interministérielle n°\u00a01300 sur la protection du secret de la défense nationale (2021)"
#     ref: https://www.sgdsn.gouv.fr/
# custom:
#   description_fr: "Les informations classifiées au titre de l'IGI 1300 (2021\u00a0: Secret, Très Secret\u00a0; anciennes mentions Confidentiel Défense, Secret Défense) ne sont traitées que sur un système d'information homologué à leur niveau, jamais sur un cloud commercial du catalogue, qu'il soit qualifié SecNumCloud ou non. Souverain ne peut pas constater une homologation\u00a0: la configuration déclare le système (un fournisseur propre sous catalog.providers, avec une offre dont l'homologation a le statut «\u00a0homologated\u00a0» et la décision d'homologation pour source)."
#   title_fr: "Les informations classifiées restent sur un système homologué pour elles"
#   enforcement: mandatory
#   classes: [classified]
#   last_reviewed: "2026-11-24"
#   basis:
#     en: "IGI 1300 (2021): classified information (Secret, Très Secret) is processed only on information systems homologated for its level; no commercial cloud is."
#     fr: "IGI 1300 (2021)\u00a0: les informations classifiées (Secret, Très Secret) ne sont traitées que sur des systèmes d'information homologués à leur niveau\u00a0; aucun cloud commercial ne l'est."
#   fix:
#     en: "Move it to the system homologated for it and declare that system in the configuration (catalog.providers: a provider of your own with an offer whose homologation is {\"status\": \"homologated\", \"source\": the homologation decision, \"asOf\": its date}); if it is not classified, correct its classification."
#     fr: "Placez les données sur le système homologué pour elles et déclarez ce système dans la configuration (catalog.providers\u00a0: un fournisseur propre avec une offre dont le champ homologation vaut {\"status\": \"homologated\", \"source\": la décision d'homologation, \"asOf\": sa date})\u00a0; si elles ne sont pas classifiées, corrigez leur classification."
#   frameworks: [IGI 1300]
package souverain.rules.classified_requires_homologation

import data.souverain.lib.catalog
import data.souverain.lib.describe
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, {"classified"}, [describe.said("homologation.missing", {})])} if {
	some i, v in resources.view
	"classified" in v.classification.classes
	some n, p in v.placements
	not homologated(p)
}

homologated(p) if {
	p.known
	some o in catalog.homologated_offers(p.cloud)
	catalog.covers(o, p.region, p.service)
}
