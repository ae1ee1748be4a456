resource "terraform_data" "x" {
  a = 1
  bbbbbb = 2
  # a comment line breaks the group
  cc = 3
  dddddddd = 4

  e = 5
  ffff = 6
  nested {
    x = 1
    yyyy = 2
  }
  g = 7
  hhhhhhhhh = 8
}
