package model

import "strings"

// The unified social credit code (统一社会信用代码, GB 32100-2015) is 18
// characters from a 31-character alphabet (no I, O, Z, S, V); the last one is
// a check character computed from the first 17 with fixed weights, mod 31.
const creditCodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditCodeWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// CheckCreditCode returns why code is not a valid unified social credit
// code, or "" when it is.
func CheckCreditCode(code string) string {
	if len(code) != 18 {
		return "a unified social credit code has 18 characters"
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(creditCodeAlphabet, code[i])
		if v < 0 {
			return "character " + code[i:i+1] + " is not allowed in a unified social credit code (digits and upper-case letters except I, O, Z, S, V)"
		}
		sum += v * creditCodeWeights[i]
	}
	want := creditCodeAlphabet[(31-sum%31)%31]
	if code[17] != want {
		return "check character does not match: not a valid unified social credit code"
	}
	return ""
}
