# METADATA
# title: The catalog is recent
# description: |
#   Qualifications, certifications and regions change: a catalog whose date is more than 180 days before
#   the day of the run may say "qualified" of an offer that no longer is, or miss a region. Every run warns
#   once, about the catalog, until a newer release (or the configuration's own entries) replaces it.
# related_resources:
#   - description: ANSSI, produits et services qualifiés SecNumCloud
#     ref: https://cyber.gouv.fr/produits-services-qualifies
#   - description: ANS, liste des hébergeurs certifiés HDS
#     ref: https://esante.gouv.fr/produits-services/hds
# custom:
#   description_fr: "Les qualifications, les certifications et les régions changent\u00a0: un catalogue daté de plus de 180 jours avant le jour de l'exécution peut présenter comme «\u00a0qualifiée\u00a0» une offre qui ne l'est plus, ou ignorer une région. Chaque exécution avertit une fois, au sujet du catalogue, jusqu'à ce qu'une version plus récente (ou les entrées de la configuration) le remplace."
#   title_fr: "Le catalogue est récent"
#   enforcement: advisory
#   classes: []
#   last_reviewed: "2026-11-24"
#   basis:
#     en: "Qualifications are granted per offer for a limited time (a SecNumCloud visa lasts three years); a verdict is only as current as the catalog it relies on."
#     fr: "Les qualifications sont accordées offre par offre et pour une durée limitée (un visa de sécurité SecNumCloud est valable trois ans)\u00a0; un verdict n'est pas plus à jour que le catalogue sur lequel il repose."
#   fix:
#     en: "Update Souverain to a release with a recent catalog, or check ANSSI's and ANS's lists and record what changed in the configuration's catalog, each entry with its source."
#     fr: "Passez à une version de Souverain dont le catalogue est récent, ou vérifiez les listes de l'ANSSI et de l'ANS et inscrivez les changements dans le catalogue de la configuration, chaque entrée avec sa source."
#   frameworks: [Souverain]
package souverain.rules.catalog_must_be_current

import data.souverain.lib.describe

max_age_days := 180

findings contains {"config": "catalog", "message": {lang: text |
	some lang in describe.langs
	text := describe.fill(describe.word(lang, "catalog.stale"), {
		"asOf": describe.date(lang, data.catalog.asOf), "today": describe.date(lang, input.today),
		"age": format_int(age, 10),
	})
}} if {
	age := days(input.today) - days(data.catalog.asOf)
	age > max_age_days
}

# Days since 0000-03-01 of a YYYY-MM-DD date (the proleptic Gregorian calendar, years counted from
# March so that the leap day ends a year). Plain arithmetic: the wasm target has no time.parse_ns.
days(date) := ((((era * 146097) + (yoe * 365)) + floor(yoe / 4)) - floor(yoe / 100)) + doy if {
	regex.match(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`, date)
	month := to_number(concat("", ["1", substring(date, 5, 2)])) - 100
	year := (to_number(concat("", ["1", substring(date, 0, 4)])) - 10000) - march_year(month)
	era := floor(year / 400)
	yoe := year - (era * 400)
	doy := (floor(((153 * shifted(month)) + 2) / 5) + to_number(concat("", ["1", substring(date, 8, 2)]))) - 101
}

march_year(month) := 1 if month <= 2

else := 0

shifted(month) := month - 3 if month > 2

else := month + 9
