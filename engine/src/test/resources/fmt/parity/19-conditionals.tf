locals {
  a = var.x?1:2
  b = var.enabled ? "yes":"no"
  c = var.x == null ? (var.y != null ? var.y : "default") : var.x
  d = (
    var.long_condition
    ? "first"
    : "second"
  )
}
