# leading comment
// slash comment
resource "terraform_data" "c" { # after brace
  # inside
  input = "x" # trailing

  # before nested
  lifecycle { # nested open
    # nested inside
    create_before_destroy = true
  } # after nested close
} # after close
# final comment
