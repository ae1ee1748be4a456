locals {
  a = "${"literal"}"
  b = "${var.a["key"]}"
  c = ["${var.a}"]
  d = { x = "${var.b}" }
  e = "${var.a} "
  f = " ${var.a}"
  g = "${var.a}${""}"
}
