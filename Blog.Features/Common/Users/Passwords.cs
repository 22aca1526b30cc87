using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Blog.Features.Common.Users;

/// <summary>
/// Password hashing with ASP.NET Core Identity's PBKDF2 hasher (HMAC-SHA512, <see cref="Iterations"/> iterations),
/// at most one hash per core at a time.
/// </summary>
public sealed class Passwords : IDisposable
{
    /// <summary>OWASP's figure for PBKDF2-HMAC-SHA512 is 210,000; the contract asks for at least 220,000.</summary>
    public const int Iterations = 220_000;

    // PasswordHasher<T> never reads its user argument; this class stands in for it.
    private readonly PasswordHasher<Passwords> _hasher;
    private readonly string _dummyHash;

    // A hash is ~0.1 s of pure CPU. Run side by side, a burst of sign-ins would share the cores and all finish late,
    // holding a thread each; queued, they finish in arrival order, one per core at a time, and the other requests
    // keep their threads.
    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount);

    public Passwords(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<Passwords>(options);
        // Verified when no user matches, so that an unknown name costs the same time as a wrong password.
        _dummyHash = _hasher.HashPassword(this, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
    }

    public Task<string> HashAsync(string password, CancellationToken cancellationToken) =>
        OnACoreAsync(() => _hasher.HashPassword(this, password), cancellationToken);

    public Task<PasswordVerificationResult> VerifyAsync(string hash, string password, CancellationToken cancellationToken) =>
        OnACoreAsync(() => _hasher.VerifyHashedPassword(this, hash, password), cancellationToken);

    public Task VerifyDummyAsync(string password, CancellationToken cancellationToken) =>
        OnACoreAsync(() => _hasher.VerifyHashedPassword(this, _dummyHash, password), cancellationToken);

    public void Dispose() => _cores.Dispose();

    private async Task<T> OnACoreAsync<T>(Func<T> hash, CancellationToken cancellationToken)
    {
        await _cores.WaitAsync(cancellationToken);
        try
        {
            return hash();
        }
        finally
        {
            _cores.Release();
        }
    }
}
