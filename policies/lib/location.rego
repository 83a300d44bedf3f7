# METADATA
# description: |
#   Where a placement (a resource, or one of its copies) lands: provider, region, countries, and
#   what can and cannot be proven about it. Values are "yes", "no" or "unknown"; rules treat only
#   "yes" as compliant, so anything unproven becomes a finding.
package souverain.lib.location

import data.souverain.lib.catalog

# A placement as the canonical resource states it: {cloud, region, zone, global, service}.
resolve(raw) := object.union(s, verdicts(s, p)) if {
	p := routed(fields(raw))
	s := site(p)
}

# A cloud the configuration declares as a service of a catalog provider (a vSphere or OpenStack endpoint
# that is OVHcloud Hosted Private Cloud SecNumCloud, say) is that provider's service.
routed(p) := object.union(p, {"cloud": via.provider, "service": via.service}) if {
	is_string(p.cloud)
	via := catalog.providers[catalog.provider_id(p.cloud)].serviceOf
} else := p

# Every field present, absent ones as null: rules below never meet an undefined value.
fields(raw) := {
	"cloud": object.get(raw, "cloud", null),
	"region": object.get(raw, "region", null),
	"zone": object.get(raw, "zone", null),
	"global": object.get(raw, "global", false),
	"service": object.get(raw, "service", null),
}

site(p) := {"known": false, "reason": "no-cloud", "cloud": null} if {
	not is_string(p.cloud)
}

site(p) := {"known": false, "reason": "unknown-cloud", "cloud": p.cloud} if {
	is_string(p.cloud)
	not catalog.provider_id(p.cloud)
}

site(p) := object.union({"cloud": id, "provider": provider.name}, region_site(provider, p)) if {
	id := catalog.provider_id(p.cloud)
	provider := catalog.providers[id]
}

region_site(provider, _) := {"known": false, "reason": "retired-cloud"} if provider.retired

region_site(provider, p) := {"known": false, "reason": "global-service", "countries": ["*"]} if {
	not provider.retired
	p.global == true
}

region_site(provider, p) := {"known": true, "region": null, "countries": [where.country], "name": object.get(where, "name", where.country)} if {
	not provider.retired
	not p.global == true
	where := catalog.service_location(provider, p.service)
}

region_site(provider, p) := s if {
	not provider.retired
	not p.global == true
	not catalog.service_location(provider, p.service)
	s := placed(provider, requested_region(provider, p), p)
}

# The region a placement asks for: its region, else the one its zone belongs to.
requested_region(_, p) := lower(p.region) if is_string(p.region)

requested_region(provider, p) := zone_region(provider, lower(p.zone)) if {
	not is_string(p.region)
	is_string(p.zone)
}

requested_region(_, p) := null if {
	not is_string(p.region)
	not is_string(p.zone)
}

zone_region(provider, zone) := matches[0][1] if {
	matches := regex.find_all_string_submatch_n(provider.zonePattern, zone, 1)
	count(matches) == 1
	region_entry(provider, matches[0][1])
} else := zone

placed(provider, null, _) := {"known": true, "region": null, "countries": [provider.regionless.country]} if provider.regionless

placed(provider, null, _) := {"known": false, "reason": "no-region", "region": null} if not provider.regionless

placed(provider, region, p) := {"known": false, "reason": "zone-outside-region", "region": region} if {
	is_string(region)
	zone_conflict(provider, region, p)
}

placed(provider, region, p) := {"known": true, "region": region, "countries": countries_of(entry), "name": object.get(entry, "name", region)} if {
	is_string(region)
	not zone_conflict(provider, region, p)
	entry := region_entry(provider, region)
}

placed(provider, region, p) := {"known": false, "reason": "unknown-region", "region": region} if {
	is_string(region)
	not zone_conflict(provider, region, p)
	not region_entry(provider, region)
}

zone_conflict(provider, region, p) if {
	is_string(p.region)
	is_string(p.zone)
	zone_region(provider, lower(p.zone)) != region
}

region_entry(provider, region) := provider.regions[region]

region_entry(provider, region) := entry if {
	not provider.regions[region]
	some entry in object.get(provider, "regionPatterns", [])
	regex.match(entry.pattern, region)
}

countries_of(entry) := [entry.country] if entry.country

countries_of(entry) := entry.countries if not entry.country

verdicts(s, p) := {
	"service": p.service,
	"in_france": all_countries(s, {"FR"}),
	"in_eu": all_countries(s, eu_countries),
	"in_eea": all_countries(s, eea_countries),
	"french_law": french_law(s),
	"secnumcloud": secnumcloud(s, p),
	"hds": hds(s, p),
}

eu_countries := {c | some c, info in catalog.countries; info.eu}

eea_countries := {c | some c, info in catalog.countries; info.eea}

# "yes" when every country the placement may use is in the set, "no" when one is not, else "unknown".
all_countries(s, allowed) := "yes" if {
	s.known
	every c in s.countries { c in allowed }
} else := "no" if {
	some c in object.get(s, "countries", [])
	not c in allowed
} else := "unknown"

jurisdiction(s) := catalog.providers[s.cloud].jurisdiction

french_law(s) := "yes" if jurisdiction(s) == "FR"

else := "no" if is_string(jurisdiction(s))

else := "unknown"

# The State's internal cloud counts as SecNumCloud for the doctrine ("Cloud au centre", R9).
secnumcloud(s, p) := "yes" if {
	s.known
	catalog.providers[s.cloud].stateInternal == true
} else := qualification(s, p, catalog.qualified_offers(catalog.providers[s.cloud])) if {
	catalog.providers[s.cloud]
} else := "unknown"

hds(s, p) := qualification(s, p, catalog.hds_offers(catalog.providers[s.cloud])) if {
	catalog.providers[s.cloud]
} else := "unknown"

qualification(s, p, offers) := "yes" if {
	s.known
	some o in offers
	catalog.covers(o, s.region, p.service)
} else := "no" if {
	count(offers) == 0
} else := "no" if s.known

else := "unknown"
