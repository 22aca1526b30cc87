using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Blog.Features.SearchArticles;

/// <summary>
/// The words of a search, as the index sees words: runs of letters and digits, anything else a separator. The query is
/// tokenized here and handed to the engine only as quoted terms, so that <c>"</c>, <c>*</c>, <c>NEAR</c>, <c>OR</c>,
/// <c>-</c>, <c>:</c>, parentheses and the like are plain words (or separators), never the engine's syntax.
/// </summary>
public sealed class SearchTerms
{
    private SearchTerms(IReadOnlyList<string> words) => Words = words;

    /// <summary>The words in the order typed, as typed; every one must match, the last also as a prefix.</summary>
    public IReadOnlyList<string> Words { get; }

    public bool IsEmpty => Words.Count == 0;

    /// <summary>The words folded as the index folds them (lower case, no diacritics): what a match compares.</summary>
    public IReadOnlyList<string> Folded => field ??= Words.Select(Fold).ToArray();

    /// <summary>Identifies the search a cursor belongs to: the same folded words give the same key.</summary>
    public string Key => field ??= Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', Folded))).AsSpan(0, 6));

    /// <summary>
    /// The FTS5 query: every word a quoted string, ANDed, the last one a prefix, or, given the words of the index
    /// that begin with it, any one of those.
    /// </summary>
    public string ToFts5(IReadOnlyList<string>? lastWordCompletions = null)
    {
        var all = Words.Take(Words.Count - 1).Select(Quoted).ToList();
        all.Add(lastWordCompletions is null
            ? Quoted(Words[^1]) + "*"
            : "(" + string.Join(" OR ", lastWordCompletions.Select(Quoted)) + ")");
        return string.Join(" AND ", all);

        static string Quoted(string word) => "\"" + word.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// Which search word <paramref name="word"/> (a word of an article) matches: the first equal to it, or the last
    /// when the word starts with it; -1 for none. Folded alike, as the index compares. Called for every word of the
    /// candidates a search ranks, so it folds a character at a time while comparing, and most words differ at the first.
    /// </summary>
    public int IndexOf(ReadOnlySpan<char> word)
    {
        var last = Folded.Count - 1;
        for (var i = 0; i <= last; i++)
        {
            if (FoldsTo(word, Folded[i], asPrefix: i == last))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool FoldsTo(ReadOnlySpan<char> word, string folded, bool asPrefix)
    {
        var matched = 0;
        foreach (var c in word)
        {
            if (!TryFold(c, out var f))
            {
                continue;
            }

            if (matched == folded.Length)
            {
                return asPrefix;
            }

            if (f != folded[matched++])
            {
                return false;
            }
        }

        return matched == folded.Length;
    }

    public static SearchTerms Parse(string query) =>
        new(WordSpans(query).Select(word => query.Substring(word.Start, word.Length)).ToArray());

    /// <summary>Where the words of <paramref name="text"/> are: the same words the query and the index see.</summary>
    internal static List<(int Start, int Length)> WordSpans(string text)
    {
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (IsWordChar(text, i) || start >= 0 && char.IsLowSurrogate(text[i]));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add((start, i - start));
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// Letters, digits, and the marks that belong to them (SQLite's unicode61 tokenizer counts these as token
    /// characters; PostgreSQL's side makes everything else a space). A surrogate pair is judged as one character.
    /// </summary>
    private static bool IsWordChar(string text, int index)
    {
        // Most text is ASCII, and ranking reads every character of a thousand articles.
        if (char.IsAscii(text[index]))
        {
            return char.IsAsciiLetterOrDigit(text[index]);
        }

        var category = char.IsSurrogate(text[index])
            ? CharUnicodeInfo.GetUnicodeCategory(text, index)
            : CharUnicodeInfo.GetUnicodeCategory(text[index]);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.PrivateUse;
    }

    /// <summary>
    /// Lower case without diacritics: "Café" and "CAFE" fold alike. Combining marks are dropped, and the precomposed
    /// Latin letters mapped to their base letter by a table: the process runs without ICU (invariant globalization),
    /// where <see cref="string.Normalize()"/> does not decompose.
    /// </summary>
    internal static string Fold(string word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..FoldInto(word, buffer)]);
    }

    private static int FoldInto(ReadOnlySpan<char> word, Span<char> folded)
    {
        var length = 0;
        foreach (var c in word)
        {
            if (TryFold(c, out var f))
            {
                folded[length++] = f;
            }
        }

        return length;
    }

    // A character as it folds; false for a combining mark, which folding drops.
    private static bool TryFold(char c, out char folded)
    {
        if (char.IsAscii(c))
        {
            folded = char.ToLowerInvariant(c);
            return true;
        }

        folded = char.ToLowerInvariant(BaseLetters.GetValueOrDefault(c, c));
        return CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark;
    }

    private static readonly Dictionary<char, char> BaseLetters = LatinLetters();

    private static Dictionary<char, char> LatinLetters()
    {
        const string Accented = "ÀÁÂÃÄÅàáâãäåĀāĂăĄąÇçĆćĈĉĊċČčĎďĐđÈÉÊËèéêëĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħÌÍÎÏìíîïĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłÑñŃńŅņŇňÒÓÔÕÖØòóôõöøŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųŴŵÝýÿŶŷŸŹźŻżŽž";
        const string Base = "AAAAAAaaaaaaAaAaAaCcCcCcCcCcDdDdEEEEeeeeEeEeEeEeEeGgGgGgGgHhHhIIIIiiiiIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnNnOOOOOOooooooOoOoOoRrRrRrSsSsSsSsTtTtTtUUUUuuuuUuUuUuUuUuUuWwYyyYyYZzZzZz";
        var letters = new Dictionary<char, char>(Accented.Length);
        for (var i = 0; i < Accented.Length; i++)
        {
            letters[Accented[i]] = Base[i];
        }

        return letters;
    }
}
