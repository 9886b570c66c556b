/// Differences of times as the user wrote them: `end_time` 4.1 − `start_time`
/// 0.1 is exactly 4, not the 3.9999999999999996 of binary floating point.
///
/// A parsed double's shortest round-trip text (`description`) is the decimal
/// the JSON held whenever that had at most 17 significant digits, so the
/// difference is taken on those decimals, exactly, and rounded to a double once.
enum DecimalDifference {
    /// `end - start` on the written decimals; plain double subtraction when
    /// either is not finite or their scales are too far apart for 64 bits.
    static func of(_ end: Double, _ start: Double) -> Double {
        guard let a = decimal(end), let b = decimal(start) else { return end - start }
        let exponent = min(a.exponent, b.exponent)
        guard let left = scaled(a.mantissa, by: a.exponent - exponent),
              let right = scaled(b.mantissa, by: b.exponent - exponent) else { return end - start }
        let (difference, overflow) = left.subtractingReportingOverflow(right)
        guard !overflow, let value = Double("\(difference)e\(exponent)"), value.isFinite else { return end - start }
        return value
    }

    /// The shortest decimal text of `value` as mantissa × 10^exponent.
    private static func decimal(_ value: Double) -> (mantissa: Int64, exponent: Int)? {
        guard value.isFinite else { return nil }
        let text = value.description
        var mantissa: Int64 = 0
        var exponent = 0
        var negative = false
        var inFraction = false
        var digits = 0
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            switch scalar {
            case "-": negative = true
            case ".": inFraction = true
            case "e", "E":
                guard let power = Int(String(String.UnicodeScalarView(scalars))) else { return nil }
                exponent += power
                scalars = scalars.suffix(0)
            case "0"..."9":
                digits += 1
                guard digits <= 18 else { return nil }
                mantissa = mantissa * 10 + Int64(scalar.value - 48)
                if inFraction { exponent -= 1 }
            default:
                return nil
            }
        }
        return (negative ? -mantissa : mantissa, exponent)
    }

    /// `mantissa` × 10^`power`, or nil on overflow.
    private static func scaled(_ mantissa: Int64, by power: Int) -> Int64? {
        guard power <= 36 else { return nil }
        var result = mantissa
        for _ in 0..<power {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = next
        }
        return result
    }
}
