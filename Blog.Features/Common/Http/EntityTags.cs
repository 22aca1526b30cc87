using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Blog.Features.Common.Http;

/// <summary>
/// An article's version as an entity tag, <c>"7"</c>, and the conditional headers that name it. Versions are strong
/// validators: a version names one title and content, byte for byte.
/// </summary>
public static class EntityTags
{
    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>What an <c>If-Match</c> or <c>If-None-Match</c> header asks for.</summary>
    public static Precondition Read(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Precondition.None;
        }

        if (!EntityTagHeaderValue.TryParseList([header], out var tags))
        {
            return new Precondition(PreconditionKind.Versions, [], []);
        }

        if (tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any)))
        {
            return Precondition.Any;
        }

        var strong = tags.Where(tag => !tag.IsWeak).Select(Version).OfType<long>().ToArray();
        var weak = tags.Where(tag => tag.IsWeak).Select(Version).OfType<long>().ToArray();
        return new Precondition(PreconditionKind.Versions, strong, weak);
    }

    private static long? Version(EntityTagHeaderValue tag) =>
        long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}

public enum PreconditionKind
{
    /// <summary>No header.</summary>
    None,

    /// <summary><c>*</c>: any current version.</summary>
    Any,

    /// <summary>A list of tags; those that are not versions of ours match nothing.</summary>
    Versions,
}

/// <summary>A conditional header, read: the strong and the weak versions it names.</summary>
public sealed record Precondition(PreconditionKind Kind, IReadOnlyList<long> StrongVersions, IReadOnlyList<long> WeakVersions)
{
    public static readonly Precondition None = new(PreconditionKind.None, [], []);
    public static readonly Precondition Any = new(PreconditionKind.Any, [], []);

    /// <summary><c>If-None-Match</c>'s weak comparison (RFC 9110 13.1.2): a weak tag matches the same version.</summary>
    public bool MatchesWeakly(long version) =>
        Kind == PreconditionKind.Any || StrongVersions.Contains(version) || WeakVersions.Contains(version);
}
