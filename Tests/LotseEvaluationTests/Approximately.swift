/// Whether `actual` equals `expected` to a relative tolerance, or to `absolute` near zero.
func approximately(_ actual: Double, _ expected: Double, relative: Double = 1e-12, absolute: Double = 1e-15) -> Bool {
    abs(actual - expected) <= max(relative * abs(expected), absolute)
}
