/*
 * A block comment at the top of the file,
 *    with   irregular   spacing   inside
 *   that fmt must not touch.
 */
resource "terraform_data" "a" {
  /* inline block comment */ input = "x"
  /*
      multi
        line
  */
  output = "y"
}

/* trailing */
