# METADATA
# description: |
#   One view per input resource, computed once per evaluation: its classes and every placement
#   its data has (the resource itself, then each copy: replica, backup, CDN edge...).
package souverain.lib.resources

import data.souverain.lib.classes
import data.souverain.lib.location

view[i] := {
	"resource": r,
	"classification": classes.of(r),
	"placements": array.concat([primary(r)], [copy(r, c) | some c in object.get(r, "copies", [])]),
} if some i, r in input.resources

primary(r) := object.union(location.resolve(r), {"role": "primary"})

# A copy stays with its resource's cloud unless it names another one.
copy(r, c) := object.union(
	location.resolve(object.union({"cloud": object.get(r, "cloud", null)}, c)),
	{"role": object.get(c, "kind", "copy")},
)
