using System.Text.Json.Serialization;

namespace Blog.Features.AccessTokens;

/// <summary>
/// The <c>AccessToken</c> of the API contract. <see cref="Token"/>, the secret, is only ever in the answer that creates
/// the token; the database keeps its hash alone.
/// </summary>
public sealed record AccessTokenResponse(
    long Id,
    string Name,
    IReadOnlyList<string> Scopes,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? LastUsedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token = null);

/// <summary>A token as the queries select it, its scopes in their stored form.</summary>
internal sealed record AccessTokenRow(long Id, string Name, string Scopes, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt)
{
    public AccessTokenResponse ToResponse(string? token = null) =>
        new(Id, Name, Scopes.Split(Common.Users.Scopes.StoredSeparator), CreatedAt, ExpiresAt, LastUsedAt, token);
}
