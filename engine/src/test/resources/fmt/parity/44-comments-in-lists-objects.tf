locals {
  list = [
    "a", # first
    "bbb", # second
    # standalone
    "c",
  ]
  obj = {
    a = 1 # one
    bbbb = 2 # two
    // three
    c = 3
  }
}
