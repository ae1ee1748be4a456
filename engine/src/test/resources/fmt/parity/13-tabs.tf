resource "terraform_data" "tabs" {
	input = "x"
		nested = {
		a = 1
			bbb = 2
	}
}
