package souverain.rules.classified_requires_homologation_test

import data.souverain.rules.classified_requires_homologation as rule

res(cloud, region, class) := {"id": "r", "type": "t", "cloud": cloud, "region": region, "tags": {"data-classification": class}}

fires(r) if count(rule.findings) > 0 with input as {"today": "2026-11-24", "resources": [r]}

quiet(r) if {
	count(rule.findings) == 0 with input as {"today": "2026-11-24", "resources": [r]}
	data.souverain.lib.resources.view[0] with input as {"resources": [r]}
}

homologation := {"status": "homologated", "source": "Décision d'homologation HOM-2026-03", "asOf": "2026-03-01"}

system := {"catalog": {"providers": {"si-dr-secret": {
	"name": "SI homologué Secret", "jurisdiction": "FR", "source": "RSSI, décision HOM-2026-03",
	"regions": {"salle-1": {"country": "FR", "source": "HOM-2026-03", "asOf": "2026-03-01"}},
	"offers": [{"id": "si", "name": "SI Secret", "scope": {}, "homologation": homologation}],
}}}}

test_every_mark_is_classified if {
	every mark in ["classified", "Secret", "Très Secret", "TRES SECRET", "Confidentiel Défense", "Secret Défense", "classifié", "informations classifiées"] {
		fires(res("s3ns", "u-france-east1", mark))
	}
}

test_qualified_commercial_cloud_fires if {
	[f] := [f | some f in rule.findings] with input as {"today": "2026-11-24", "resources": [res("s3ns", "u-france-east1", "secret")]}
	f.message.en == "r: classified (IGI 1300) data on S3NS u-france-east1 (France East, France): it is not a system the configuration declares homologated for classified information."
	f.message.fr == "r\u00a0: données classifiées (IGI 1300) sur S3NS u-france-east1 (France Est, France)\u00a0: elles ne sont pas sur un système que la configuration déclare homologué pour des informations classifiées."
}

test_declared_homologated_system_is_quiet if quiet(res("si-dr-secret", "salle-1", "secret")) with data.config as system

test_declared_system_without_homologation_fires if {
	offer := object.remove(system.catalog.providers["si-dr-secret"].offers[0], ["homologation"])
	provider := object.union(system.catalog.providers["si-dr-secret"], {"offers": [offer]})
	fires(res("si-dr-secret", "salle-1", "secret")) with data.config as {"catalog": {"providers": {"si-dr-secret": provider}}}
}

test_unknown_region_of_the_system_fires if fires(res("si-dr-secret", null, "secret")) with data.config as system

test_homologation_on_a_catalog_cloud_counts_for_nothing if {
	fires(res("ovh", "GRA7", "secret")) with data.config as {"catalog": {"providers": {"ovh": {"source": "user", "offers": [{"id": "x", "name": "x", "scope": {}, "homologation": homologation}]}}}}
}

# "azurerm" is an alias of our Azure: a user entry under it is Azure, not a system of the user's own.
test_homologation_under_an_alias_of_a_catalog_cloud_counts_for_nothing if {
	entry := object.union(system.catalog.providers["si-dr-secret"], {"regions": {"francecentral": {"country": "FR", "source": "x", "asOf": "2026-03-01"}}})
	fires(res("azurerm", "francecentral", "secret")) with data.config as {"catalog": {"providers": {"azurerm": entry}}}
}

test_copy_off_the_system_fires if {
	r := object.union(res("si-dr-secret", "salle-1", "secret"), {"copies": [{"kind": "backup", "cloud": "ovh", "region": "GRA7"}]})
	fires(r) with data.config as system
}

test_unclassified_data_is_quiet if quiet(res("aws", "us-east-1", "public"))
