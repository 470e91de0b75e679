#if !canImport(CommonCrypto)
    import CLibCrypto
#endif

/// Whether two byte sequences are equal, taking the same time wherever they first differ.
///
/// Use it to compare secrets that arrive from a client with the right value: authentication
/// codes, token hashes, password hashes. `==` stops at the first differing byte, and that
/// difference in timing lets an attacker guess a secret byte by byte.
///
/// Sequences of different lengths are unequal; the function still reads all of `a` before saying
/// so, and the lengths themselves are not treated as secret (for codes and hashes they are fixed).
///
/// ```swift
/// let expected = HMACSHA256.authenticationCode(for: payload, key: key)
/// guard let given = Base64URL.decode(signature), constantTimeEquals(given, expected) else {
///     // answer 401
/// }
/// ```
public func constantTimeEquals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
    let left = Array(a)
    let right = Array(b)
    guard left.count == right.count else {
        _ = bytesDiffer(left, left)  // the same work as a real comparison of `a`
        return false
    }
    return !bytesDiffer(left, right)
}

/// Compares equal-length arrays without an early exit.
private func bytesDiffer(_ left: [UInt8], _ right: [UInt8]) -> Bool {
    guard !left.isEmpty else { return false }
    #if canImport(CommonCrypto)
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference != 0
    #else
        return left.withUnsafeBytes { l in
            right.withUnsafeBytes { r in CRYPTO_memcmp(l.baseAddress, r.baseAddress, l.count) != 0 }
        }
    #endif
}
