using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Blog.Features.Common;

/// <summary>
/// Password hashing with ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, <see cref="Iterations"/> iterations).
/// </summary>
public sealed class Passwords
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 is 210,000; the contract asks for at least 220,000.</summary>
    public const int Iterations = 220_000;

    // PasswordHasher<T> never reads its user argument; this class stands in for it.
    private readonly PasswordHasher<Passwords> _hasher;
    private readonly string _dummyHash;

    public Passwords(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<Passwords>(options);
        // Verified when no user matches, so that an unknown name costs the same time as a wrong password.
        _dummyHash = _hasher.HashPassword(this, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
    }

    public string Hash(string password) => _hasher.HashPassword(this, password);

    public PasswordVerificationResult Verify(string hash, string password) => _hasher.VerifyHashedPassword(this, hash, password);

    public void VerifyDummy(string password) => _hasher.VerifyHashedPassword(this, _dummyHash, password);
}
