locals {
  a = "${var.x}-${ var.y }"
  b = "%{if var.ok}yes%{else}no%{endif}"
  c = "%{ for s in var.list ~}${s},%{ endfor ~}"
  d = "$${literal} and %%{literal}"
  e = "x ${ upper("y") } z"
}
