locals {
  upper = [for s in var.list: upper(s)]
  filtered = [ for i, s in var.list : s if i>0 ]
  object = {for k,v in var.map: k=>v}
  grouped = {for s in var.list : substr(s,0,1) => s ...}
  multiline = [
    for s in var.list :
    s
    if s!=""
  ]
}
