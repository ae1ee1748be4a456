locals {
  int = 42
  float = 3.14
  exp = 1e10
  exp_neg = 2.5E-3
  neg = - 5
  nul = null
  t = true
  f   =   false
}
