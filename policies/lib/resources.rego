# METADATA
# description: |
#   One view per input resource, computed once per evaluation: its classes and every placement
#   its data has (the resource itself, then each copy: replica, backup, CDN edge...).
package souverain.lib.resources

import data.souverain.lib.classes
import data.souverain.lib.location

# An array, not a partial object keyed by index: native OPA checks each new key of a partial object
# against those already added, which is quadratic in the number of resources.
view := [{
	"resource": r,
	"classification": classes.of(r),
	"placements": array.concat([primary(r)], [copy(r, c) | some c in object.get(r, "copies", [])]),
} |
	some r in input.resources
]

# A resource whose contents this input does not show (a Terraform module call in cdk.tf.json):
# only location-must-be-known speaks about it.
opaque(r) if is_string(r.opaque)

primary(r) := object.union(resolved[location.fields(r)], {"role": "primary"})

copy(r, c) := object.union(resolved[copy_fields(r, c)], {"role": object.get(c, "kind", "copy")})

# A copy stays with its resource's cloud unless it names another one.
copy_fields(r, c) := location.fields(object.union({"cloud": object.get(r, "cloud", null)}, c))

# Resources of a batch share few distinct placements: each is resolved once.
resolved := {f: location.resolve(f) | some f in placements}

placements := {location.fields(r) | some r in input.resources} | {copy_fields(r, c) |
	some r in input.resources
	some c in r.copies
}
