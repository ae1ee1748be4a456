# a throwaway test value, not a real secret
db_password = "correct-horse-battery-staple"
