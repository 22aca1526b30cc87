using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Blog.Features.SearchArticles;

/// <summary>
/// Where a page of ranked results ends: the search it belongs to (<see cref="SearchTerms.Key"/>), the window of
/// ranked matches fixed by its first page (<see cref="Floor"/>), and the last result's place in the order: its segment,
/// score and id. Clients see it as an opaque base64url string.
/// </summary>
public sealed record SearchCursor(string SearchKey, long Floor, SearchSegment Segment, double Score, long Id)
{
    private const string Version = "s1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|',
            Version, SearchKey, Floor.ToString(CultureInfo.InvariantCulture), ((int)Segment).ToString(CultureInfo.InvariantCulture),
            Score.ToString("R", CultureInfo.InvariantCulture), Id.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The cursor <paramref name="text"/> encodes, or null when no page could have given it.</summary>
    public static SearchCursor? Parse(string text)
    {
        if (text.Length > 200 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('|');
        return parts.Length == 6 && parts[0] == Version && parts[1].Length == 12
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var floor)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var segment) && Enum.IsDefined((SearchSegment)segment)
            && double.TryParse(parts[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var score) && double.IsFinite(score)
            && long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? new SearchCursor(parts[1], floor, (SearchSegment)segment, score, id)
                : null;
    }
}

/// <summary>
/// The parts of the ranked order, in order: title matches before content-only matches, and in each the ranked window
/// (the newest <see cref="SearchArticlesHandler.RankedWindow"/> matches, by relevance) before the older matches (newest first).
/// </summary>
public enum SearchSegment
{
    TitleRanked = 0,
    TitleOlder = 1,
    ContentRanked = 2,
    ContentOlder = 3,
}
