# METADATA
# description: |
#   The catalog as the rules see it: ours (data.catalog) with the user's additions and overrides
#   (data.config.catalog) merged in. A user entry replaces ours field by field; offers are merged by id.
package souverain.lib.catalog

import data.souverain.lib.settings

countries := data.catalog.countries

providers[id] := merged(id) if some id in ({id | some id, _ in data.catalog.providers} | {id | some id, _ in settings.catalog_additions})

merged(id) := p if {
	not settings.catalog_additions[id]
	p := data.catalog.providers[id]
}

merged(id) := p if {
	not data.catalog.providers[id]
	p := object.union({"regions": {}, "offers": [], "aliases": []}, settings.catalog_additions[id])
}

merged(id) := object.union(object.union(ours, theirs), {"offers": merged_offers(ours, theirs)}) if {
	ours := data.catalog.providers[id]
	theirs := settings.catalog_additions[id]
}

merged_offers(ours, theirs) := array.concat(
	[o | some o in ours.offers; not o.id in {t.id | some t in object.get(theirs, "offers", [])}],
	object.get(theirs, "offers", []),
)

# The catalog id a canonical `cloud` names: the id itself, or one of its aliases.
provider_id(cloud) := id if {
	id := lower(trim_space(cloud))
	providers[id]
}

provider_id(cloud) := id if {
	name := lower(trim_space(cloud))
	not providers[name]
	some id, p in providers
	name in object.get(p, "aliases", [])
}

qualified_offers(provider) := [o | some o in provider.offers; status("secnumcloud", o.secnumcloud) == "qualified"]

hds_offers(provider) := [o | some o in provider.offers; status("hds", o.hds) == "qualified"]

# A qualification as the rules count it: "qualified" only within its term. Past validUntil (else
# qualifiedOn plus three years) with no renewal recorded, it is "unverified". A SecNumCloud visa lasts
# three years, so one without a date cannot be placed in its term and is "unverified" too. Without
# input.today, no term is judged current (fail closed, as for exemptions).
status(field, q) := "unverified" if {
	q.status == "qualified"
	lapsed(field, q)
} else := q.status

within_term(q) if {
	is_string(input.today)
	input.today <= term(q)
}

# The last day a qualification holds: its validUntil, else three years after qualifiedOn.
term(q) := q.validUntil

term(q) := three_years_after(q.qualifiedOn) if not q.validUntil

three_years_after(date) := concat("", [format_int(to_number(substring(date, 0, 4)) + 3, 10), substring(date, 4, -1)])

# Why a qualification marked "qualified" does not count: "past-term" or "undated" (describe words it).
lapsed(_, q) := "past-term" if {
	term(q)
	not within_term(q)
}

lapsed("secnumcloud", q) := "undated" if not term(q)

# A service-scoped offer that says where it runs places a placement that names its service, whatever
# region (an OpenStack or vSphere region name of the customer's own) the placement also carries.
service_location(provider, service) := o.location if {
	is_string(service)
	some o in provider.offers
	service in object.get(o.scope, "services", [])
	o.location
}

# A system the user declares homologated for classified information: an offer of a provider the
# configuration adds (never one of ours, which are commercial clouds) whose homologation says so.
homologated_offers(id) := [o |
	not ours(id)
	some o in object.get(settings.catalog_additions[id], "offers", [])
	o.homologation.status == "homologated"
]

# One of our clouds, by its id or one of its aliases: a user entry under "azurerm" is still Azure.
ours(id) if data.catalog.providers[id]

ours(id) if {
	some p in data.catalog.providers
	id in object.get(p, "aliases", [])
}

# An offer covers a placement when its scope names the region (or no regions) and the service (or none).
covers(offer, region_id, service) if {
	in_scope(object.get(offer.scope, "regions", null), region_id)
	in_scope(object.get(offer.scope, "services", null), service)
}

in_scope(null, _)

in_scope(list, value) if value in list
