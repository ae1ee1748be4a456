locals {
  # comment
  x = <<EOT
line one
line two
EOT
  yy = 2 # trailing
}
