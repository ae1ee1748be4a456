resource "terraform_data" "legacy" {
  input = "${var.name}"
  triggers_replace = ["${var.a}", "${var.b}"]
  kept = "prefix-${var.name}"
  kept2 = "${var.a}${var.b}"
  map = {
    key = "${local.value}"
  }
  nested = "${ var.spaced }"
  func = "${lookup(var.m, "k")}"
}
