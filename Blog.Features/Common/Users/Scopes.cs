namespace Blog.Features.Common.Users;

/// <summary>
/// What an access token may do; requests name the scope that lets a token send them in
/// <see cref="Pipeline.RequireSignInAttribute.Scope"/>. A session may do whatever its user may.
/// </summary>
public static class Scopes
{
    public const string ArticlesRead = "articles:read";
    public const string ArticlesWrite = "articles:write";

    public static readonly IReadOnlyList<string> All = [ArticlesRead, ArticlesWrite];

    /// <summary>A token's scopes are stored as one text, separated by spaces as in OAuth.</summary>
    public const char StoredSeparator = ' ';
}
