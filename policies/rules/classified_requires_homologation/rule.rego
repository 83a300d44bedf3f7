# METADATA
# title: Classified information stays on a system homologated for it
# description: |
#   Information classified under IGI 1300 (2021: Secret, Très Secret; older marks Confidentiel Défense,
#   Secret Défense) is processed only on an information system homologated for its level, never on a
#   commercial cloud of the catalog, SecNumCloud-qualified or not. Souverain cannot know a homologation:
#   the configuration declares the system (a provider of its own under catalog.providers, with an offer
#   whose homologation status is "homologated" and the decision as its source).
# related_resources:
#   - description: SGDSN, instruction générale interministérielle n°1300 sur la protection du secret de la défense nationale (2021)
#     ref: https://www.sgdsn.gouv.fr/
# custom:
#   enforcement: mandatory
#   classes: [classified]
#   last_reviewed: "2026-11-24"
#   basis:
#     en: "IGI 1300 (2021): classified information (Secret, Très Secret) is processed only on information systems homologated for its level; no commercial cloud is."
#     fr: "IGI 1300 (2021) : les informations classifiées (Secret, Très Secret) ne sont traitées que sur des systèmes d'information homologués à leur niveau ; aucun cloud commercial ne l'est."
#   fix:
#     en: "Move it to the system homologated for it and declare that system in the configuration (catalog.providers: a provider of your own with an offer whose homologation is {\"status\": \"homologated\", \"source\": the homologation decision, \"asOf\": its date}); if it is not classified, correct its classification."
#     fr: "Déplacez-la sur le système homologué pour elle et déclarez ce système dans la configuration (catalog.providers : un fournisseur propre avec une offre dont homologation vaut {\"status\": \"homologated\", \"source\": la décision d'homologation, \"asOf\": sa date}) ; si elle n'est pas classifiée, corrigez sa classification."
#   frameworks: [IGI 1300]
package souverain.rules.classified_requires_homologation

import data.souverain.lib.catalog
import data.souverain.lib.describe
import data.souverain.lib.resources

findings contains {"index": i, "key": n, "message": describe.finding(v, p, {"classified"}, [{
	"en": "it is not a system the configuration declares homologated for classified information",
	"fr": "ce n'est pas un système que la configuration déclare homologué pour des informations classifiées",
}])} if {
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
