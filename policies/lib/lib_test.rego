package souverain.lib_test

import data.souverain.lib.catalog
import data.souverain.lib.classes
import data.souverain.lib.describe
import data.souverain.lib.location
import data.souverain.lib.settings
import data.souverain.lib.text

test_slug_folds_case_spaces_accents if text.slug("  Données_Personnelles ") == "donnees-personnelles"

test_key_ignores_separators if {
	text.key("DataClassification") == "dataclassification"
	text.key("data_classification") == "dataclassification"
}

test_key_folds_unicode_dashes_and_spaces if {
	every k in [
		"data\u2013classification", "data\u2014classification", "data\u2011classification",
		"data\u00a0classification", "data\u202fclassification", "data\u200bclassification",
		"\u00a0Data \u2013 Classification\u202f",
	] {
		text.key(k) == "dataclassification"
	}
}

test_slug_folds_unicode_spaces_like_ascii if {
	text.slug("données\u00a0personnelles") == "donnees-personnelles"
	text.slug("Diffusion\u202fRestreinte") == "diffusion-restreinte"
	text.slug("données\u2013personnelles") == "donnees-personnelles"
}

test_decomposed_accents_match_precomposed if {
	text.slug("donne\u0301es de sante\u0301") == text.slug("données de santé")
	text.key("Classificatio\u0302n") == "classification"
	text.slug("E\u0301TAT") == "etat"
}

test_blank_is_only_invisible if {
	text.blank("")
	text.blank("\u200b\u00a0\u2060\ufeff\t\n\u202f")
	not text.blank("\u200bx")
}

test_decomposed_classification_value_is_recognised if {
	c := classes.of({"tags": {"data\u2013classification": "donne\u0301es de sante\u0301"}}) with input as {"resources": [{"tags": {"data\u2013classification": "donne\u0301es de sante\u0301"}}]}
	c.classes == {"health"}
}

test_list_splits_on_separators if text.list("personal, archive;santé|sensible") == ["personal", "archive", "sante", "sensible"]

test_aliases_reach_providers if {
	catalog.provider_id("Google") == "gcp"
	catalog.provider_id("AzureRM") == "azure"
	not catalog.provider_id("digitalocean")
}

test_user_alias_maps_to_class if {
	c := classes.of({"tags": {"data-classification": "Confidentiel médical"}}) with input as {"resources": [{"tags": {"data-classification": "Confidentiel médical"}}]}
		with data.config as {"classAliases": {"confidentiel-medical": "health"}}
	c.classes == {"health"}
}

test_user_offer_overrides_ours_by_id if {
	p := catalog.providers.bleu with data.config as {"catalog": {"providers": {"bleu": {"source": "ANSSI decision", "offers": [{
		"id": "bleu-cloud-de-confiance", "name": "Bleu", "scope": {},
		"secnumcloud": {"status": "qualified", "qualifiedOn": "2027-01-01", "source": "ANSSI decision", "asOf": "2027-01-01"},
	}]}}}}
	[o] := p.offers
	o.secnumcloud.status == "qualified"
}

test_user_offer_adds_to_ours if {
	p := catalog.providers.ovh with data.config as {"catalog": {"providers": {"ovh": {"source": "contract", "offers": [{"id": "new", "name": "New", "scope": {}}]}}}}
	count(p.offers) == count(data.catalog.providers.ovh.offers) + 1
}

test_zone_gives_region if {
	location.resolve({"cloud": "gcp", "zone": "europe-west9-b"}).region == "europe-west9"
	location.resolve({"cloud": "scaleway", "zone": "fr-par-2"}).region == "fr-par"
	location.resolve({"cloud": "outscale", "zone": "cloudgouv-eu-west-1a"}).region == "cloudgouv-eu-west-1"
}

test_unknown_zone_is_unknown_region if location.resolve({"cloud": "aws", "zone": "mars-1a"}).reason == "unknown-region"

test_multi_region_eu_is_not_france if {
	p := location.resolve({"cloud": "gcp", "region": "EU"})
	p.in_france == "no"
	p.in_eu == "yes"
}

test_same_code_different_country if {
	location.resolve({"cloud": "aws", "region": "eu-west-2"}).in_france == "no"
	location.resolve({"cloud": "outscale", "region": "eu-west-2"}).in_france == "yes"
}

test_unknown_cloud_proves_nothing if {
	p := location.resolve({"cloud": "digitalocean", "region": "fra1"})
	p.in_france == "unknown"
	p.secnumcloud == "unknown"
	p.hds == "unknown"
	p.french_law == "unknown"
}

no_data_role := {"holdsData": false, "tags": {"data-classification": "sensitive"}, "tagSources": {"data-classification": "provider-default"}}

test_provider_default_tags_do_not_classify_what_holds_no_data if {
	c := classes.of(no_data_role) with input as {"resources": [no_data_role]}
	c.classes == set()
	c.origins == set()
}

test_stack_tags_and_default_classification_do_not_classify_what_holds_no_data if {
	role := object.union(no_data_role, {"tagSources": {"data-classification": "stack"}})
	classes.of(role).classes == set() with input as {"resources": [role]}
	untagged := {"holdsData": false}
	classes.of(untagged).classes == set() with input as {"resources": [untagged]}
		with data.config as {"defaultClassification": "archive"}
}

test_own_tag_classifies_whatever_the_type if {
	own := object.union(no_data_role, {"tagSources": {"data-classification": "resource"}})
	classes.of(own).classes == {"sensitive"} with input as {"resources": [own]}
}

test_defaults_classify_what_may_hold_data if {
	bucket := object.remove(no_data_role, ["holdsData"])
	classes.of(bucket).classes == {"sensitive"} with input as {"resources": [bucket]}
	untagged := {"type": "t"}
	classes.of(untagged).classes == {"archive"} with input as {"resources": [untagged]}
		with data.config as {"defaultClassification": "archive"}
}

test_any_key_stand_in_is_unproven_when_nothing_readable_classifies if {
	r := {"tags": {"*": "(unknown until apply)"}, "tagSources": {"*": "provider-default"}}
	c := classes.of(r) with input as {"resources": [r]}
		with data.config as {"classificationTags": ["confidentialite"]}
	c.classes == set()
	c.unrecognized == {"(unknown-until-apply)"}
}

test_any_key_stand_in_yields_to_a_readable_classification if {
	r := {"tags": {"*": "(unknown until apply)", "data-classification": "public"}}
	c := classes.of(r) with input as {"resources": [r]}
	c.classes == {"public"}
	c.unrecognized == set()
}

# Every spelling the November 2026 review added, and those it keeps, as a table.
vocabulary := {
	"DR-SF": "restricted", "DR Spécial France": "restricted", "Spécial France": "restricted",
	"NP": "internal", "Non protégé": "internal",
	"données de santé à caractère personnel": "health", "DSCP": "health", "secret médical": "health",
	"dossier patient": "health", "médico-social": "health",
	"donnée à caractère personnel": "personal", "données nominatives": "personal", "nominatif": "personal",
	"NIR": "personal",
	"archives intermédiaires": "archive", "archives courantes": "archive", "archivage électronique": "archive",
	"SAE": "archive",
	"archives définitives": "definitive-archive", "archives historiques": "definitive-archive",
	"definitive archives": "definitive-archive",
	"opendata": "public", "données ouvertes": "public", "open data": "public",
	"Secret": "classified", "Très Secret": "classified", "Confidentiel Défense": "classified",
	"Secret Défense": "classified", "classified": "classified",
}

test_vocabulary_table if {
	every value, class in vocabulary {
		classes.of({"tags": {"data-classification": value}}).classes == {class} with input as {"resources": [{"tags": {"data-classification": value}}]}
	}
}

test_ambiguous_and_removed_marks_stay_unrecognised if {
	every value in ["C0", "C1", "C2", "C3", "Confidentiel", "données publiques"] {
		c := classes.of({"tags": {"data-classification": value}}) with input as {"resources": [{"tags": {"data-classification": value}}]}
		c.classes == set()
		count(c.unrecognized) == 1
	}
}

test_default_keys_include_french_ones if {
	every key in ["data-classification", "classification", "confidentialite", "Sensibilité", "mention-de-protection"] {
		classes.of({"tags": {key: "DR"}}).classes == {"restricted"} with input as {"resources": [{"tags": {key: "DR"}}]}
	}
}

q(extra) := object.union({"status": "qualified", "source": "test source", "asOf": "2026-01-01"}, extra)

test_qualification_counts_within_its_term if {
	catalog.status("secnumcloud", q({"qualifiedOn": "2023-11-24"})) == "qualified" with input.today as "2026-11-24"
	catalog.status("secnumcloud", q({"qualifiedOn": "2023-11-23"})) == "unverified" with input.today as "2026-11-24"
	catalog.status("secnumcloud", q({"qualifiedOn": "2020-01-01", "validUntil": "2027-01-01"})) == "qualified" with input.today as "2026-11-24"
	catalog.status("secnumcloud", q({"qualifiedOn": "2026-01-01", "validUntil": "2026-06-30"})) == "unverified" with input.today as "2026-11-24"
}

test_secnumcloud_without_date_or_today_is_unverified if {
	catalog.status("secnumcloud", q({})) == "unverified" with input.today as "2026-11-24"
	catalog.status("secnumcloud", q({"qualifiedOn": "2026-01-01"})) == "unverified" with input as {}
	catalog.lapsed("secnumcloud", q({})) == "undated"
}

test_hds_ages_only_when_dated if {
	catalog.status("hds", q({})) == "qualified" with input.today as "2026-11-24"
	catalog.status("hds", q({"validUntil": "2025-01-01"})) == "unverified" with input.today as "2026-11-24"
}

test_other_statuses_are_kept if catalog.status("secnumcloud", q({"status": "in-process"})) == "in-process"

test_s3ns_global_location_is_only_france if {
	p := location.resolve({"cloud": "s3ns", "region": "global"}) with input.today as "2026-11-24"
	p.in_france == "yes"
	p.secnumcloud == "yes"
}

test_service_scoped_offer_places_its_service if {
	p := location.resolve({"cloud": "ovh", "service": "hosted-private-cloud-secnumcloud"}) with input.today as "2026-11-24"
	p.known
	p.in_france == "yes"
	p.french_law == "yes"
	p.secnumcloud == "no"
	p.service == "hosted-private-cloud-secnumcloud"
}

test_service_wins_over_a_region_of_the_customers_own if {
	p := location.resolve({"cloud": "ovh", "region": "RegionOne", "service": "bare-metal-pod-secnumcloud"}) with input.today as "2026-11-24"
	p.known
	p.in_france == "yes"
}

vsphere_is_ovh_hpc := {"catalog": {"providers": {
	"vsphere": {"source": "Contract OVH-HPC-SNC-2026, reviewed by the RSSI", "serviceOf": {"provider": "ovh", "service": "hosted-private-cloud-secnumcloud"}},
	"ovh": {"source": "ANSSI list checked 2026-11-20", "offers": [object.union(data.catalog.providers.ovh.offers[0], {"secnumcloud": q({"qualifiedOn": "2025-06-01"})})]},
}}}

test_declared_cloud_is_a_service_of_a_catalog_provider if {
	p := location.resolve({"cloud": "vsphere", "region": null}) with data.config as vsphere_is_ovh_hpc with input.today as "2026-11-24"
	p.cloud == "ovh"
	p.service == "hosted-private-cloud-secnumcloud"
	p.in_france == "yes"
	p.secnumcloud == "yes"
}

test_unknown_service_is_still_no_region if {
	p := location.resolve({"cloud": "ovh", "service": "no-such-service"})
	p.reason == "no-region"
}

test_default_configured_keys_are_the_normalised_defaults if {
	classes.configured_keys == {text.key(k) | some k in settings.classification_tag_keys}
}

test_configured_keys_follow_the_configuration if {
	classes.configured_keys == {"mentiondeprotection", "niveau"} with data.config as {"classificationTags": ["Mention de protection", "Niveau"]}
}

test_fill_is_one_pass if {
	describe.fill("{resource}: {where}.", {"resource": "{where}", "where": "Paris"}) == "{where}: Paris."
	describe.fill("{n} {missing} {", {"n": 3}) == "3 {missing} {"
}

test_a_missing_word_prints_its_key if {
	describe.word("fr", "no.such.word") == "no.such.word"
	describe.said("finding", {}).en == "finding" with data.words as {}
}

test_dates_as_the_language_writes_them if {
	describe.date("fr", "2027-03-31") == "31 mars 2027"
	describe.date("fr", "2027-03-01") == "1er mars 2027"
	describe.date("en", "2027-03-01") == "2027-03-01"
	describe.date("fr", "2027-13-01") == "2027-13-01"
	describe.date("fr", "2027-03-01") == "2027-03-01" with data.words as {}
}

test_places_and_countries_in_french if {
	describe.country_name("fr", "US") == "États-Unis"
	describe.country_name("fr", "XX") == "XX"
	describe.country_name("fr", "DE") == "Germany" with data.words as {}
	describe.place_name("fr", "N. Virginia") == "Virginie du Nord"
	describe.place_name("fr", "Somewhere of ours") == "Somewhere of ours"
}

test_offer_statuses_in_words if {
	describe.offer_status("fr", "secnumcloud", {"status": "in-process"}) == "qualification en cours"
	describe.offer_status("fr", "hds", {"status": "in-process"}) == "certification en cours"
	describe.offer_status("fr", "hds", {"status": "unverified"}) == "non vérifiée"
	describe.offer_status("fr", "hds", {"status": "qualified", "validUntil": "2026-01-01"}) == "certifiée, mais arrivée à échéance (1er janvier 2026)" with input.today as "2026-06-01"
	describe.offer_status("fr", "secnumcloud", {"status": "new-status"}) == "new-status"
	describe.offer_status("fr", "secnumcloud", {"status": "qualified"}) == "qualifiée, mais sans date permettant de vérifier son échéance"
	describe.offer_status("en", "secnumcloud", {"status": "qualified", "validUntil": "2026-01-01"}) == "qualified, past its term (2026-01-01)" with input.today as "2026-06-01"
}

test_where_in_every_form if {
	known := {"known": true, "provider": "OVHcloud", "countries": ["FR"]}
	describe.where("fr", object.union(known, {"region": "gra", "name": "Gravelines"})) == "OVHcloud gra (Gravelines, France)"
	describe.where("fr", object.union(known, {"region": "eu-west-par", "name": "France"})) == "OVHcloud eu-west-par (France)"
	describe.where("fr", object.union(known, {"service": "vsphere"})) == "OVHcloud vsphere (France)"
	describe.where("en", known) == "OVHcloud (France)"
	describe.where("fr", {"known": false, "cloud": "x", "reason": "new-reason"}) == "«\u00a0x\u00a0» (localisation inconnue\u00a0: new-reason)"
	describe.where("en", {"known": false, "reason": "no-cloud"}) == "a cloud not stated"
}

test_words_for_what_has_none if {
	describe.class_name("fr", "our-own-class") == "our-own-class"
	describe.role_words("fr", {"role": "mirror"}) == " (mirror)"
	describe.role_words("fr", {"role": "replica"}) == " (réplique)"
	describe.role_words("fr", {"role": "primary"}) == ""
}
