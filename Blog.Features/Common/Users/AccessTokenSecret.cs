using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Blog.Features.Common.Users;

/// <summary>
/// The secret of an access token: <c>blog_pat_</c> and 32 random bytes in base64url. Only its SHA-256 is stored; a
/// fast hash is enough for 256 random bits, and it lets a token be found by an index on the hash.
/// </summary>
public static class AccessTokenSecret
{
    /// <summary>Marks the secret as this application's, so that secret scanners and people recognise a leaked one.</summary>
    public const string Prefix = "blog_pat_";

    private const int RandomBytes = 32;

    /// <summary>The length of every secret <see cref="New"/> makes; anything else is not one.</summary>
    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Whether <paramref name="text"/> has the shape of a secret, checked before any database look-up.</summary>
    public static bool IsWellFormed(string text) =>
        text.Length == Length && text.StartsWith(Prefix, StringComparison.Ordinal) && Base64Url.IsValid(text.AsSpan(Prefix.Length));
}
