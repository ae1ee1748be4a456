locals {
	value = "tab	inside string"
	other	=	2
}
