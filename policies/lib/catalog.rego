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

qualified_offers(provider) := [o | some o in provider.offers; o.secnumcloud.status == "qualified"]

hds_offers(provider) := [o | some o in provider.offers; o.hds.status == "qualified"]

# An offer covers a placement when its scope names the region (or no regions) and the service (or none).
covers(offer, region_id, service) if {
	in_scope(object.get(offer.scope, "regions", null), region_id)
	in_scope(object.get(offer.scope, "services", null), service)
}

in_scope(null, _)

in_scope(list, value) if value in list
