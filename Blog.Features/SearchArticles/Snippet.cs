using System.Text;

namespace Blog.Features.SearchArticles;

/// <summary>
/// The excerpt a search result shows: plain text of at most <see cref="MaxLength"/> characters of the content around
/// its first match, every match wrapped in <c>&lt;mark&gt;</c> and everything else HTML-escaped, so a client can put it
/// into the page as HTML and nothing in an article can become markup.
/// </summary>
internal static class Snippet
{
    public const int MaxLength = 200;

    // Text kept before the first match, so the reader sees what leads up to it.
    private const int Lead = 60;

    private const string Ellipsis = "…";

    public static string Of(string content, SearchTerms terms)
    {
        var words = SearchTerms.WordSpans(content);
        var matches = words.Where(word => terms.IndexOf(content.AsSpan(word.Start, word.Length)) >= 0).ToList();

        // A match in the title alone shows the beginning of the content.
        var start = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - Lead);
        if (start > 0)
        {
            // Begin at a word, not inside one.
            var firstWord = words.FirstOrDefault(word => word.Start >= start);
            start = firstWord.Length > 0 && firstWord.Start <= matches[0].Start ? firstWord.Start : matches[0].Start;
        }

        var budget = MaxLength - (start > 0 ? Ellipsis.Length : 0);
        var end = Math.Min(content.Length, start + budget);
        if (end < content.Length)
        {
            end = Math.Max(start + 1, Math.Min(end, start + budget - Ellipsis.Length));
            if (char.IsHighSurrogate(content[end - 1]))
            {
                end--;
            }
        }

        var html = new StringBuilder(MaxLength * 2);
        if (start > 0)
        {
            html.Append(Ellipsis);
        }

        var position = start;
        foreach (var match in matches.Where(match => match.Start >= start && match.Start + match.Length <= end))
        {
            html.Append(Escape(content[position..match.Start]));
            html.Append("<mark>").Append(Escape(content.Substring(match.Start, match.Length))).Append("</mark>");
            position = match.Start + match.Length;
        }

        html.Append(Escape(content[position..end]));
        if (end < content.Length)
        {
            html.Append(Ellipsis);
        }

        return html.ToString();
    }

    // Only what HTML gives a meaning to is escaped; other characters stay as they are, "é" included.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal);
}
