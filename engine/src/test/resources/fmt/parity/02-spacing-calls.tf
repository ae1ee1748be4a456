locals {
  joined = join( ",",  var.list )
  nested = max(1,min(2,3))
  expand = max(var.nums ...)
  empty  = timestamp( )
  multi  = merge(
    var.a,
    var.b ,
  )
  idx = var.list [0]
  attr = var.obj . name
  splat = var.items[*] .id
}
