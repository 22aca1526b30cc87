using System.Security.Claims;
using Blog.Api.Infrastructure.Sessions;
using Blog.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;

namespace Blog.Tests.Sessions;

public sealed class VerifiedCookieCacheTests
{
    private readonly CountingFormat _inner = new();
    private readonly TestClock _clock = new();
    private readonly VerifiedCookieCache _cache;

    public VerifiedCookieCacheTests() => _cache = new VerifiedCookieCache(_inner, _clock);

    [Fact]
    public void A_cookie_that_verified_is_not_decrypted_again()
    {
        var first = _cache.Unprotect("good");
        var second = _cache.Unprotect("good");

        first.Should().NotBeNull();
        second.Should().BeSameAs(first);
        _inner.Unprotects.Should().Be(1);
    }

    [Fact]
    public void A_cookie_that_failed_is_checked_every_time()
    {
        _cache.Unprotect("forged").Should().BeNull();
        _cache.Unprotect("forged").Should().BeNull();

        _inner.Unprotects.Should().Be(2);
    }

    [Fact]
    public void A_remembered_cookie_is_verified_again_after_five_minutes()
    {
        _cache.Unprotect("good");
        _clock.Advance(TimeSpan.FromMinutes(5));

        _cache.Unprotect("good").Should().NotBeNull();

        _inner.Unprotects.Should().Be(2);
    }

    [Fact]
    public void Protecting_and_purpose_bound_cookies_go_to_data_protection()
    {
        var ticket = CountingFormat.Ticket();

        _cache.Protect(ticket).Should().Be("protected");
        _cache.Unprotect("good", "tls-binding");
        _cache.Unprotect("good", "tls-binding");

        _inner.Unprotects.Should().Be(2);
    }

    /// <summary>Stands in for Data Protection: "good" verifies, anything else does not.</summary>
    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public int Unprotects { get; private set; }

        public static AuthenticationTicket Ticket() =>
            new(new ClaimsPrincipal(new ClaimsIdentity([new Claim("session", "key")], "test")), "Cookies");

        public string Protect(AuthenticationTicket data) => "protected";

        public string Protect(AuthenticationTicket data, string? purpose) => "protected";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Unprotects++;
            return protectedText == "good" ? Ticket() : null;
        }
    }
}
