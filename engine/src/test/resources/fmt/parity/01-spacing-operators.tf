locals {
  a = 1+2*3
  b = (1+2)*3
  c = var.x==var.y&&!var.z
  d = -1
  e = !true
  f = var.n>=10||var.n<0
  g = 10%3
  h = "a"!="b"
  i = -var.n+1
}
