using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace Blog.Api.Infrastructure.Sessions;

/// <summary>
/// Remembers for a few minutes the session cookies Data Protection has already verified, so that a signed-in
/// client pays for decrypting its cookie once rather than on every request. Only cookies that verified are kept,
/// under their exact text, and all a session cookie holds is its session's key: the session row is still read on
/// every request, so logout, deactivation and expiry end a session at once as before.
/// </summary>
public sealed class VerifiedCookieCache(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    // Bounds memory: past it the cache starts again empty, which costs one decryption per client.
    private const int Capacity = 10_000;

    // A Data Protection key revoked meanwhile stops cookies protected with it after at most this long.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _verified = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = clock.GetUtcNow();
        if (_verified.TryGetValue(protectedText, out var entry) && entry.Until > now)
        {
            return entry.Ticket;
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            if (_verified.Count >= Capacity)
            {
                _verified.Clear();
            }

            _verified[protectedText] = (ticket, now + Lifetime);
        }

        return ticket;
    }
}
